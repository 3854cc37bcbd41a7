import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Batch } from '../../server/src/domain/types';
import { openKuzuStore } from '../../server/src/store/kuzu/kuzu-store';
import { writeCsv } from '../../server/src/store/kuzu/staging';

/** Values a CSV staging file must carry exactly: Chinese, quotes, commas, line breaks, backslashes, the null marker. */
const AWKWARD = ['张三，又名"三哥"', 'a,b', 'line one\nline two', 'cr\r\nlf', 'back\\slash', "it's", '\\N', 'N', '', ' padded ', '[x]', '|a|~tf.12|'];
/** Values that look plain, or nearly: most are written bare, the rest quoted for a character at an end or a tab. */
const PLAIN = ['NULL', 'null', 'true', '123', '1e5', 'a b', '张三', 'card:6222021234567890123', '2026-02-05T06:05:32.000Z', '#hash', '{x}', ' lead', 'trail ', 'tab\there', '全角空格\u3000'];
const viewer = { agencies: ['sh-psb', 'fj-psb'], userId: 'test' };

describe('COPY through CSV staging files', () => {
  /** One batch of people who know person:0, every value from `values`; list items are `lists(i)`. */
  const batchOf = (values: string[], lists: (i: number) => string[], prefix: string): Batch => ({
    sources: values.map((reference, i) => ({ id: `src:${prefix}${i}`, type: 'BANK_STATEMENT', reference, sha256: null, collectedAt: null, collectedBy: null, owner: 'sh-psb' })),
    nodes: values.map((name, i) => ({ id: `person:${prefix}${i}`, label: 'Person', owner: 'sh-psb', props: { name, aliases: lists(i) } })),
    links: values.slice(1).map((how, i) => ({
      type: 'KNOWS',
      from: `person:${prefix}0`,
      to: `person:${prefix}${i + 1}`,
      key: i === 0 ? '' : how,
      owner: 'sh-psb',
      sources: lists(i + 1),
      props: { how },
    })),
  });

  const roundTrip = async (values: string[], lists: (i: number) => string[]) => {
    const store = await openKuzuStore(mkdtempSync(join(tmpdir(), 'staging-')), { cache: false });
    const batch = batchOf(values, lists, 'p');
    const result = await store.upsert(batch, 'tester "T"');
    expect(result).toEqual({ nodesCreated: values.length, nodesUpdated: 0, linksCreated: values.length - 1, linksUpdated: 0, sourcesCreated: values.length });

    const { nodes, links } = await store.subgraph(viewer, values.map((_, i) => `person:p${i}`));
    expect(nodes.map((n) => [n.props.name, n.props.aliases])).toEqual(values.map((name, i) => [name, lists(i)]));
    const byTo = new Map(links.map((l) => [l.to, l]));
    values.slice(1).forEach((how, i) => {
      const link = byTo.get(`person:p${i + 1}`)!;
      expect([link.key, link.props.how, link.sources, link.createdBy]).toEqual([i === 0 ? '' : how, how, lists(i + 1), 'tester "T"']);
    });
    const sources = await store.getSources(viewer, values.map((_, i) => `src:p${i}`));
    expect(sources.map((s) => s.reference)).toEqual(values);

    // The same batch again changes nothing.
    expect(await store.upsert(batch, 'tester')).toEqual({ nodesCreated: 0, nodesUpdated: 0, linksCreated: 0, linksUpdated: 0, sourcesCreated: 0 });
    await store.close();
  };

  it('stores awkward strings exactly through CSV: Chinese, quotes, commas, line breaks, backslashes, N, empty', async () => {
    const bare = (i: number) => [`src:sheet:${'0'.repeat(64)}#Sheet ${i}!${i + 2}`, `别名${i}`];
    const values = AWKWARD.filter((v) => v !== '\\N');
    // Every value here goes through the CSV path: no list item needs quoting, no string is the null marker.
    const columns = { names: ['s', 'l'], types: ['STRING', 'STRING[]'] };
    expect(writeCsv(join(mkdtempSync(join(tmpdir(), 'staging-csv-')), 'x.csv'), columns, values.map((s, i) => ({ s, l: bare(i) })))).not.toBeNull();
    await roundTrip(values, bare);
  });

  it('stores plain strings written bare, and nearly plain ones quoted, exactly', async () => {
    const bare = (i: number) => [`别名${i}`];
    expect(writeCsv(join(mkdtempSync(join(tmpdir(), 'staging-csv-')), 'x.csv'), { names: ['s', 'l'], types: ['STRING', 'STRING[]'] }, PLAIN.map((s, i) => ({ s, l: bare(i) })))).not.toBeNull();
    await roundTrip(PLAIN, bare);
  });

  it('stores list items CSV cannot carry and the null marker exactly, through JSON', async () => {
    await roundTrip(AWKWARD, (i) => [AWKWARD[i]!, `src:${AWKWARD[(i + 1) % AWKWARD.length]}`]);
  });

  it('writes plain strings bare, others quoted, and refuses what CSV cannot carry', () => {
    const dir = mkdtempSync(join(tmpdir(), 'staging-csv-'));
    const columns = { names: ['id', 'n', 'ok', 'list'], types: ['STRING', 'INT64', 'BOOLEAN', 'STRING[]'] };
    const file = join(dir, 'a.csv');
    const rows = [{ id: '中文"引号"', n: 3, ok: true, list: ['src:a#S 1!2', 'b'] }, { id: 'x\ny', list: [] }, { id: 'card:62 中文', list: [] }, { id: ' x', list: [] }, { id: '', list: [] }];
    expect(writeCsv(file, columns, rows)).toEqual({ lineBreaks: true });
    expect(readFileSync(file, 'utf8')).toBe('id,n,ok,list\n"中文""引号""",3,true,"[src:a#S 1!2,b]"\n"x\ny",,,"[]"\ncard:62 中文,,,"[]"\n" x",,,"[]"\n"",,,"[]"\n');
    expect(writeCsv(join(dir, 'b.csv'), columns, [{ id: 'a', list: ['a,b'] }])).toBeNull();
    expect(writeCsv(join(dir, 'c.csv'), columns, [{ id: '\\N', list: [] }])).toBeNull();
    expect(writeCsv(join(dir, 'd.csv'), columns, [{ id: 'a', list: [' a'] }])).toBeNull();
  });

  it('writes lines whole across its buffer: many lines, Chinese ones, one longer than the buffer, in order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'staging-csv-'));
    const columns = { names: ['id', 'n'], types: ['STRING', 'INT64'] };
    const long = '长'.repeat(2_000_000);
    const rows = [
      ...Array.from({ length: 30_000 }, (_, i) => ({ id: `持卡人${i}-${'x'.repeat(i % 300)}`, n: i })),
      { id: long, n: -1 },
      ...Array.from({ length: 30_000 }, (_, i) => ({ id: 'card:6222021234567890123', n: i })),
    ];
    const file = join(dir, 'big.csv');
    expect(writeCsv(file, columns, rows)).toEqual({ lineBreaks: false });
    expect(readFileSync(file, 'utf8')).toBe(['id,n', ...rows.map((r) => `${r.id},${r.n}`)].join('\n') + '\n');
  });

  it('quotes a value after the same column held a bare one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'staging-csv-'));
    const columns = { names: ['id'], types: ['STRING'] };
    const file = join(dir, 'q.csv');
    expect(writeCsv(file, columns, [{ id: 'a' }, { id: 'a' }, { id: 'a,b' }, { id: 'a' }, { id: 7 }, { id: 7 }])).toEqual({ lineBreaks: false });
    expect(readFileSync(file, 'utf8')).toBe('id\na\na\n"a,b"\na\n7\n7\n');
  });
});
