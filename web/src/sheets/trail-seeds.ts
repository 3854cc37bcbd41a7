/**
 * The nodes to open on the canvas after an import: the ends of the previewed links, the node
 * most of them share (the statement's own card or number) first, at most `max`.
 */
export function trailSeeds(rows: readonly { link: { from: string; to: string } | null }[], max = 50): string[] {
  const count = new Map<string, number>();
  for (const r of rows) if (r.link) for (const id of [r.link.from, r.link.to]) count.set(id, (count.get(id) ?? 0) + 1);
  return [...count.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, max)
    .map(([id]) => id);
}

/**
 * The card whose money trail an imported bank statement opens: the one most of its transfers
 * touch (the statement's own card). None for call records.
 */
export function trailCard(rows: readonly { link: { type: string; from: string; to: string } | null }[]): string | null {
  const first = trailSeeds(rows.filter((r) => r.link?.type === 'TRANSFERRED'), 1)[0];
  return first?.startsWith('card:') ? first : null;
}
