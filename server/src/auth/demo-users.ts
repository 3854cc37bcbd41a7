import type { Role } from '../store/accounts';

/**
 * The demo's users, in several provinces (printed by `npm start`). Each sees its own agency's
 * records (the Shanghai centre also its district bureaus', supervision.ts), so each of the demo's
 * stories has a district user who can open it, and the centre's users open them all.
 */
export const DEMO_USERS: readonly { name: string; agency: string; role: Role }[] = [
  { name: 'sh.investigator', agency: 'sh-psb', role: 'INVESTIGATOR' },
  { name: 'sh.lead', agency: 'sh-psb', role: 'TASK_FORCE_LEAD' },
  { name: 'pudong.investigator', agency: 'sh-pudong-psb', role: 'INVESTIGATOR' },
  { name: 'minhang.investigator', agency: 'sh-minhang-psb', role: 'INVESTIGATOR' },
  { name: 'xuhui.investigator', agency: 'sh-xuhui-psb', role: 'INVESTIGATOR' },
  { name: 'fj.investigator', agency: 'fj-longyan-psb', role: 'INVESTIGATOR' },
  { name: 'gd.investigator', agency: 'gd-shenzhen-psb', role: 'INVESTIGATOR' },
  { name: 'mps.analyst', agency: 'mps-cid', role: 'ANALYST' },
  { name: 'mps.admin', agency: 'mps-cid', role: 'ADMIN' },
];

/** The demo investigator of an agency (whom to log in as to see its records), if the demo has one. */
export const demoInvestigatorOf = (agency: string): string | undefined => DEMO_USERS.find((u) => u.agency === agency && u.role === 'INVESTIGATOR')?.name;
