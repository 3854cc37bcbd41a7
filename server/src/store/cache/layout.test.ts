import { describe, expect, it } from 'vitest';
import { decodeLink, decodeNode, LINK_COLUMNS, LIST_SEPARATOR, NODE_COLUMNS } from './layout';

/** A row as Kuzu's COPY TO writes it: the given fields (already quoted where they must be) in their columns, the rest NULL. */
function row(columns: string[], fields: Record<string, string>): Buffer {
  return Buffer.from(columns.map((c) => fields[c] ?? '').join(','));
}

describe('cache rows', () => {
  it('decodes a node whose fields hold commas, doubled quotes, line breaks and Chinese, with its grants apart from its owners', () => {
    const buf = row(NODE_COLUMNS, {
      _row: '7',
      id: 'person:460400199211030030',
      label: 'Person',
      owners: '|sh-psb|~tf:12|fj-longyan-psb|',
      name: '"曹, ""凯荣"""',
      aliases: `"老曹${LIST_SEPARATOR}曹哥,\n二"`,
      birthYear: '1992',
      // Not a Person's property: left out.
      number: '+8617050572196',
      idNumber: '""',
      createdAt: '2026-12-02T14:35:01.012Z',
      updatedAt: '2026-12-02T14:36:00.000Z',
    });
    const node = decodeNode(buf, 0, buf.length);
    expect(node).toEqual({
      id: 'person:460400199211030030',
      label: 'Person',
      owners: ['sh-psb', 'fj-longyan-psb'],
      grants: ['~tf:12'],
      props: { name: '曹, "凯荣"', aliases: ['老曹', '曹哥,\n二'], birthYear: 1992, idNumber: '' },
      createdAt: '2026-12-02T14:35:01.012Z',
      updatedAt: '2026-12-02T14:36:00.000Z',
    });
    expect(Object.keys(node)).toEqual(['id', 'label', 'owners', 'grants', 'props', 'createdAt', 'updatedAt']);
  });

  it('decodes a link read inside a larger buffer, with no grants key when it has none', () => {
    const text = row(LINK_COLUMNS, {
      _from: '136062',
      _to: '5926',
      owners: '|sh-psb|',
      at: '2024-04-18T04:47:04.000Z',
      key: '2024-04-18T04:47:04.000Z',
      owner: 'sh-psb',
      seconds: '100',
      sources: `"src:a${LIST_SEPARATOR}src:b,1"`,
      createdAt: '2026-12-02T14:35:01.012Z',
      createdBy: 'bench',
    });
    const buf = Buffer.concat([Buffer.from('x,y\n'), text, Buffer.from('\n1,2')]);
    const link = decodeLink(buf, 4, 4 + text.length, 'CALLED', 'phone:+8617050572196', 'phone:+8613177242831');
    expect(link).toEqual({
      type: 'CALLED',
      from: 'phone:+8617050572196',
      to: 'phone:+8613177242831',
      key: '2024-04-18T04:47:04.000Z',
      owner: 'sh-psb',
      owners: ['sh-psb'],
      sources: ['src:a', 'src:b,1'],
      props: { at: '2024-04-18T04:47:04.000Z', seconds: 100 },
      createdAt: '2026-12-02T14:35:01.012Z',
      createdBy: 'bench',
    });
    expect(Object.keys(link)).toEqual(['type', 'from', 'to', 'key', 'owner', 'owners', 'sources', 'props', 'createdAt', 'createdBy']);
  });
});
