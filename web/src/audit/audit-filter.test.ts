import { describe, expect, it } from 'vitest';
import { AUDIT_PAGE, EMPTY_AUDIT_FILTER, auditVariables, mayReadAudit, shanghaiDay } from './audit-filter';

describe('audit filter', () => {
  it('leaves empty fields out and asks for one page', () => {
    expect(auditVariables(EMPTY_AUDIT_FILTER, 'ADMIN', null)).toEqual({ limit: AUDIT_PAGE });
    expect(auditVariables({ action: '  ', user: '', agency: ' ', from: '', to: '' }, 'TASK_FORCE_LEAD', 0)).toEqual({ limit: AUDIT_PAGE });
  });

  it('trims the fields, turns Shanghai days into instants and pages back before a position', () => {
    expect(auditVariables({ action: ' requestAccess ', user: 'user:sh.lead', agency: 'sh-pudong-psb', from: '2026-12-01', to: '2026-12-02' }, 'ADMIN', 41)).toEqual({
      action: 'requestAccess',
      userId: 'user:sh.lead',
      agency: 'sh-pudong-psb',
      from: '2026-11-30T16:00:00.000Z',
      to: '2026-12-02T15:59:59.999Z',
      beforeSeq: 41,
      limit: AUDIT_PAGE,
    });
  });

  it('sends the agency only for admins', () => {
    expect(auditVariables({ ...EMPTY_AUDIT_FILTER, agency: 'fj-longyan-psb' }, 'TASK_FORCE_LEAD', null)).toEqual({ limit: AUDIT_PAGE });
    expect(auditVariables({ ...EMPTY_AUDIT_FILTER, agency: 'fj-longyan-psb' }, 'ADMIN', null)).toEqual({ agency: 'fj-longyan-psb', limit: AUDIT_PAGE });
  });

  it('ignores a day that is not a real YYYY-MM-DD', () => {
    expect(shanghaiDay('2026-02-30', false)).toBeUndefined();
    expect(shanghaiDay('2026-1-5', false)).toBeUndefined();
    expect(shanghaiDay('', true)).toBeUndefined();
    expect(shanghaiDay('2026-01-01', false)).toBe('2025-12-31T16:00:00.000Z');
  });

  it('lets admins and task-force leads read the trail, no one else', () => {
    expect(mayReadAudit('ADMIN')).toBe(true);
    expect(mayReadAudit('TASK_FORCE_LEAD')).toBe(true);
    expect(mayReadAudit('INVESTIGATOR')).toBe(false);
    expect(mayReadAudit('ANALYST')).toBe(false);
    expect(mayReadAudit('PROSECUTOR')).toBe(false);
  });
});
