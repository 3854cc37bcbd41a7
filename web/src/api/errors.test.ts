import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/messages';
import { problemMessage, problemOf, problemOfStatus } from './errors';

describe('API errors in words', () => {
  it('take the problem from the error code the API sends', () => {
    expect(problemOf({ message: 'No such case.', extensions: { code: 'NOT_FOUND' } })).toBe('not-found');
    expect(problemOf({ message: 'x', extensions: { code: 'CONFLICT' } })).toBe('stale');
    expect(problemOf({ message: 'Query is too costly.', extensions: { code: 'LIMIT' } })).toBe('limit');
    expect(problemOf({ message: 'The audit trail cannot be written: nothing was done.', extensions: { code: 'AUDIT_UNAVAILABLE' } })).toBe('server');
    expect(problemOf({ message: 'Cannot query field "nope".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })).toBe('outdated');
  });

  it('call a masked server fault a server problem, anything else unexpected', () => {
    expect(problemOf({ message: 'Unexpected error.' })).toBe('server');
    expect(problemOf({ message: 'Something new', extensions: { code: 'TEAPOT' } })).toBe('unexpected');
  });

  it('read an HTTP status without a GraphQL answer', () => {
    expect([413, 403, 404, 502, 400].map(problemOfStatus)).toEqual(['too-large', 'forbidden', 'not-found', 'server', 'unexpected']);
  });

  it('say each problem in both languages, with the server’s detail where it helps', () => {
    expect(translate('zh-CN', problemMessage('network'))).toBe('无法连接服务器。请检查网络，或确认服务器（npm start）正在运行。');
    expect(translate('en', problemMessage('bad-input'), { detail: 'name: 1 to 200 characters' })).toBe('The request was not right: name: 1 to 200 characters');
  });
});
