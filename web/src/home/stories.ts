/**
 * The demo's stories (seed/README.md), as starting points a newcomer can open with one click.
 * Each names the ids it opens; the browser tests and demo-scenario.test.ts rely on the same data.
 */
export const STORY_IDS = ['gang', 'wu', 'boss', 'wang'] as const;
export type StoryId = (typeof STORY_IDS)[number];

export type StoryStart =
  /** The gang with its members and layers, in the gang hierarchy layout. */
  | { kind: 'gang'; gangId: string }
  /** A case, then the money trail of its victims' cards, in the money-flow layout. */
  | { kind: 'money'; caseId: string }
  /** A case and the cases linked to it. */
  | { kind: 'linked'; caseId: string; also: string[] }
  /** Nodes and their neighbourhood. */
  | { kind: 'expand'; ids: string[] };

export interface Story {
  id: StoryId;
  start: StoryStart;
  /** The agency that holds the story's records: only its members (and those it shares with) can open it. */
  holder: string;
  /** Values for the story's text placeholders. */
  params: Record<string, string>;
}

export const STORIES: readonly Story[] = [
  { id: 'gang', start: { kind: 'gang', gangId: 'gang:730-sihanoukville' }, holder: 'sh-psb', params: { phone: '+8617093073001' } },
  { id: 'wu', start: { kind: 'money', caseId: 'case:A310112000000202408900821' }, holder: 'sh-minhang-psb', params: { caseNo: 'A310112000000202408900821' } },
  { id: 'boss', start: { kind: 'linked', caseId: 'case:A310115000000202410901015', also: ['qq:88730730'] }, holder: 'sh-pudong-psb', params: { qq: '88730730' } },
  { id: 'wang', start: { kind: 'expand', ids: ['case:A310104000000202409900912'] }, holder: 'sh-xuhui-psb', params: {} },
];

/** The node a story opens first: a viewer who cannot see it cannot open the story. */
export function storyAnchor({ start }: Story): string {
  switch (start.kind) {
    case 'gang':
      return start.gangId;
    case 'money':
    case 'linked':
      return start.caseId;
    case 'expand':
      return start.ids[0]!;
  }
}

export const storyById = (id: StoryId): Story => STORIES.find((s) => s.id === id)!;

/** The caller's phone the 7·30 story starts from, also offered as a search. */
export const GANG_CALLER_PHONE = 'phone:+8617093073001';
