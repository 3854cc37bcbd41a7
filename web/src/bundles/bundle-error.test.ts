import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { bundleError } from './bundle-error';

const say = (line: number, reason: string) => `第 ${line} 行：${reason}`;

describe('a bundle import error', () => {
  it('says the bad line in the app’s language and keeps the reason', () => {
    const e = bundleError(new ApiError('bad-input', 'line 4: extra: unknown field', 200), say);
    expect([e.problem, e.detail, e.status]).toEqual(['bad-input', '第 4 行：extra: unknown field', 200]);
  });

  it('leaves any other error as it is', () => {
    const other = new ApiError('forbidden', 'you may not write for this agency.');
    expect(bundleError(other, say)).toBe(other);
    const limit = new ApiError('limit', 'The bundle is too large.');
    expect(bundleError(limit, say)).toBe(limit);
  });
});
