import { LABEL_NAMES, LINK_TYPES, LINK_TYPE_NAMES, type Label, type LinkType } from '../../../server/src/domain/model';

/**
 * What a node of a label can be expanded along: the link types the model lets join it to
 * something, and the labels at their other end (server/src/domain/model.ts, declared once).
 */
export function expandOptions(label: Label): { linkTypes: LinkType[]; labels: Label[] } {
  const linkTypes: LinkType[] = [];
  const labels = new Set<Label>();
  for (const type of LINK_TYPE_NAMES) {
    let joins = false;
    for (const [from, to] of LINK_TYPES[type].joins as readonly (readonly [Label, Label])[]) {
      if (from === label) (labels.add(to), (joins = true));
      if (to === label) (labels.add(from), (joins = true));
    }
    if (joins) linkTypes.push(type);
  }
  return { linkTypes, labels: LABEL_NAMES.filter((l) => labels.has(l)) };
}
