import { LABEL_NAMES, type Label } from '../../../server/src/domain/model';

export interface Hit {
  matchedBy: string;
  node: { id: string; label: Label; caption: string };
}

export interface HitGroup<H extends Hit> {
  label: Label;
  hits: H[];
}

/**
 * Search hits grouped by label, in the model's order of labels (cases first, then people, cards,
 * phones …), each group in the order the server ranked it; a node found twice appears once.
 */
export function groupHits<H extends Hit>(hits: readonly H[]): HitGroup<H>[] {
  const seen = new Set<string>();
  const groups = new Map<Label, H[]>();
  for (const hit of hits) {
    if (seen.has(hit.node.id)) continue;
    seen.add(hit.node.id);
    const group = groups.get(hit.node.label) ?? [];
    group.push(hit);
    groups.set(hit.node.label, group);
  }
  return LABEL_NAMES.filter((label) => groups.has(label)).map((label) => ({ label, hits: groups.get(label)! }));
}
