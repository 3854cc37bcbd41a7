import { describe, expect, it } from 'vitest';
import { managesTaskForce, mayCreateTaskForce, memberAgencies, userMemberId } from './task-force';

describe('task forces in the app', () => {
  it('lets leads and admins create one, and its lead or an admin manage it', () => {
    expect(['INVESTIGATOR', 'TASK_FORCE_LEAD', 'PROSECUTOR', 'ANALYST', 'ADMIN'].filter((r) => mayCreateTaskForce(r as never))).toEqual(['TASK_FORCE_LEAD', 'ADMIN']);
    expect(managesTaskForce({ user: 'user:sh.lead', role: 'TASK_FORCE_LEAD' }, { lead: 'user:sh.lead' })).toBe(true);
    expect(managesTaskForce({ user: 'user:fj.lead', role: 'TASK_FORCE_LEAD' }, { lead: 'user:sh.lead' })).toBe(false);
    expect(managesTaskForce({ user: 'user:mps.admin', role: 'ADMIN' }, { lead: 'user:sh.lead' })).toBe(true);
  });

  it('names a user member as the server does, and lists the member agencies', () => {
    expect([userMemberId(' FJ.Investigator '), userMemberId('user:fj.lead')]).toEqual(['user:fj.investigator', 'user:fj.lead']);
    expect([...memberAgencies([{ kind: 'AGENCY', id: 'sh-psb' }, { kind: 'USER', id: 'user:x' }, { kind: 'AGENCY', id: 'fj-longyan-psb' }])]).toEqual(['sh-psb', 'fj-longyan-psb']);
  });
});
