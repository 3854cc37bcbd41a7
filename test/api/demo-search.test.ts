import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config';
import { createApp } from '../../server/src/http/app';
import { loadDemo } from '../../server/src/import/demo';
import type { GraphStore } from '../../server/src/store/graph-store';
import { openKuzuStore } from '../../server/src/store/kuzu/kuzu-store';
import { DEMO_SEARCHES, type DemoSearch } from '../../seed/src/demo-scenario';
import { demoBundle } from '../../seed/src/generate';
import { client, type Gql } from './harness';

/** The demo's people by name and what they are in (the case they are a victim in, their gang). */
function demoPeople(): { agencies: string[]; personOf: Map<string, string> } {
  const agencies = new Set<string>();
  const names = new Map<string, string>();
  const personOf = new Map<string, string>();
  for (const r of demoBundle()) {
    if (r.kind === 'meta') agencies.add(r.agency);
    else if (r.owner) agencies.add(r.owner);
    if (r.kind === 'node' && r.label === 'Person') names.set(r.id, String(r.props?.name));
    if (r.kind === 'link' && (r.type === 'VICTIM_IN' || r.type === 'MEMBER_OF')) personOf.set(`${names.get(r.from)}|${r.to}`, r.from);
  }
  return { agencies: [...agencies].sort(), personOf };
}

interface Hit {
  matchedBy: string;
  node: { id: string; label: string };
}

/** The last four digits of a card. */
const isSuffix = (s: DemoSearch): boolean => /^\d{4}$/.test(s.text);
/** A name, nickname, company name or the gang's short name: searched as part of a name. */
const isName = (s: DemoSearch): boolean => /[\u4e00-\u9fff·]/.test(s.text);

/** What the web app's search box asks (web/src/api/operations.ts), with the API's default limit of 20 (the app asks for 50). */
const SEARCH = 'query Search($text: String!) { search(text: $text) { matchedBy node { id label } } }';

describe("the demo's stories, found from the search box by what seed/README.md lists", () => {
  let store: GraphStore;
  let gql: Gql;
  let expectedId: (s: DemoSearch) => string;
  const results = new Map<string, Hit[]>();

  beforeAll(async () => {
    store = await openKuzuStore(mkdtempSync(join(tmpdir(), 'api-demo-')));
    await loadDemo(store);
    const { agencies, personOf } = demoPeople();
    expectedId = (s) => ('id' in s.finds ? s.finds.id : personOf.get(`${s.finds.person}|${s.finds.of}`) ?? `no ${s.finds.person} in ${s.finds.of}`);
    // An investigator of a task force that every agency in the demo shares with.
    gql = client(createApp({ store, config: loadConfig({}) }), { 'x-agencies': agencies.join(','), 'x-role': 'INVESTIGATOR' });
    for (const s of DEMO_SEARCHES) {
      const { body } = await gql(SEARCH, { text: s.text });
      expect(body.errors, s.text).toBeUndefined();
      results.set(s.text, body.data.search as Hit[]);
    }
  });
  afterAll(() => store?.close());

  /** Where the story's node is among the hits (-1: not found), and how it matched. */
  const found = (s: DemoSearch) => {
    const hits = results.get(s.text)!;
    const at = hits.findIndex((h) => h.node.id === expectedId(s));
    return { text: s.text, at, matchedBy: hits[at]?.matchedBy ?? null };
  };

  it('finds every listed number and name', () => {
    expect(DEMO_SEARCHES.map(found).filter((f) => f.at < 0)).toEqual([]);
  });

  it('puts the node first for a whole number, case number, handle or id, matched by that form', () => {
    const exact = DEMO_SEARCHES.filter((s) => 'id' in s.finds && !isSuffix(s) && !isName(s));
    expect(exact.map(found)).toEqual(
      exact.map((s) => ({
        text: s.text,
        at: 0,
        matchedBy: s.text === expectedId(s) ? 'id' : s.text.startsWith('A3101') ? 'caseNo' : s.text.startsWith('+') || s.story === 'hubs' ? 'phone' : /^\d{15,}$/.test(s.text) ? 'card' : 'handle',
      })),
    );
  });

  it('finds cards by their last four digits', () => {
    const suffixes = DEMO_SEARCHES.filter(isSuffix);
    expect(suffixes).toHaveLength(6);
    expect(suffixes.map(found).map((f) => f.matchedBy)).toEqual(suffixes.map(() => 'card-suffix'));
  });

  it('finds people by name and nickname, companies by the name on their accounts, the gang by its name', () => {
    const named = DEMO_SEARCHES.filter(isName);
    expect(named.map(found).map((f) => [f.text, f.matchedBy])).toEqual(named.map((s) => [s.text, 'name']));
  });
});
