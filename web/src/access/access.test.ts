import { describe, expect, it } from 'vitest';
import { grantedOpen, mayDecideAccess, mayRequestAccess, reasonGiven, userName } from './access';

describe('requests for access in the app', () => {
  it('lets everyone but an analyst ask, and only investigators and leads decide', () => {
    expect(['INVESTIGATOR', 'TASK_FORCE_LEAD', 'PROSECUTOR', 'ANALYST', 'ADMIN'].map((r) => [r, mayRequestAccess(r as never), mayDecideAccess(r as never)])).toEqual([
      ['INVESTIGATOR', true, true],
      ['TASK_FORCE_LEAD', true, true],
      ['PROSECUTOR', true, false],
      ['ANALYST', false, false],
      ['ADMIN', true, false],
    ]);
  });

  it('counts a reason as the server does', () => {
    expect([reasonGiven('   '), reasonGiven(' 串并 '), reasonGiven('串并案件'), reasonGiven('case')]).toEqual([false, false, true, true]);
  });

  it('opens the granted cases and the identifier that led to them', () => {
    expect(grantedOpen({ nodeId: 'card:1', grantedCases: ['case:FJ1', 'case:FJ2'] })).toEqual(['case:FJ1', 'case:FJ2', 'card:1']);
  });

  it('names a user by their login name', () => {
    expect([userName('user:fj.investigator'), userName('sh-officer')]).toEqual(['fj.investigator', 'sh-officer']);
  });
});
