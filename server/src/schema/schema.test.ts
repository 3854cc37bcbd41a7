import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printedSchema } from './index';

describe('the GraphQL schema', () => {
  it('matches the committed server/schema.graphql (run `npm run schema:print` after a deliberate change)', () => {
    expect(printedSchema()).toBe(readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8'));
  });
});
