import { describe, expect, it } from 'vitest';
import { loginProblem, viewerFromMe } from './viewer';

describe('the signed-in viewer', () => {
  const agency = { id: 'sh-psb', name: '上海市公安局反电信网络诈骗中心', province: '上海市', level: 'PROVINCE' };

  it('is read from the me query', () => {
    expect(viewerFromMe({ id: 'user:sh.lead', name: 'sh.lead', role: 'TASK_FORCE_LEAD', mustChangePassword: false, agency, agencies: [{ id: 'sh-psb' }], oversees: [{ id: 'sh-minhang-psb', name: '上海市公安局闵行分局' }] })).toEqual({
      agencies: ['sh-psb'],
      user: 'user:sh.lead',
      name: 'sh.lead',
      role: 'TASK_FORCE_LEAD',
      agency,
      oversees: [{ id: 'sh-minhang-psb', name: '上海市公安局闵行分局' }],
      mustChangePassword: false,
    });
  });

  it('takes a role it does not know for the most restricted', () => {
    expect(viewerFromMe({ id: 'u', name: 'u', role: 'CHIEF', mustChangePassword: true, agency, agencies: [], oversees: [] }).role).toBe('ANALYST');
  });

  it('tells a wrong password from throttling and from a failure', () => {
    expect([200, 401, 429, 500, 400].map(loginProblem)).toEqual([null, 'wrong', 'throttled', 'failed', 'failed']);
  });
});
