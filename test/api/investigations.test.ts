import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config';
import { createApp } from '../../server/src/http/app';
import type { GraphStore } from '../../server/src/store/graph-store';
import { openKuzuStore } from '../../server/src/store/kuzu/kuzu-store';
import { FJ, SH } from '../contract/fixture';
import { client, type Gql } from './harness';

const SUMMARY = 'id name version elementCount agencies createdAt createdBy updatedAt updatedBy';
const SAVE = `mutation($input: InvestigationInput!) { saveInvestigation(input: $input) { ${SUMMARY} document } }`;
const GET = `query($id: ID!) { investigation(id: $id) { ${SUMMARY} document } }`;
const LIST = `query($limit: Int) { investigations(limit: $limit) { ${SUMMARY} } }`;
const DELETE = `mutation($id: ID!) { deleteInvestigation(id: $id) }`;

const wu = { 'x-agencies': SH, 'x-user': 'officer-wu' };
const zhao = { 'x-agencies': SH, 'x-user': 'officer-zhao' };
const lin = { 'x-agencies': FJ, 'x-user': 'officer-lin' };

/** A canvas document much as the web app saves one (web/src/workspace/doc.ts). */
const canvas = (...nodes: string[]) => ({
  format: 'case-linkage-canvas',
  version: 1,
  doc: { graph: { nodes: Object.fromEntries(nodes.map((id) => [id, { id }])), links: {} }, positions: {}, layout: 'hierarchy' },
});
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('saved investigations through the GraphQL API', () => {
  let store: GraphStore;
  let gql: Gql;
  beforeEach(async () => {
    store = await openKuzuStore(mkdtempSync(join(tmpdir(), 'api-inv-')));
    gql = client(createApp({ store, config: loadConfig({}) }), wu);
  });
  afterEach(() => store.close());

  /** Saves as `headers` and gives back the saved investigation, failing on any error. */
  const save = async (input: object, headers = wu) => {
    const { body } = await gql(SAVE, { input }, headers);
    expect(body.errors).toBeUndefined();
    return body.data.saveInvestigation;
  };
  /** The one error of a request: its message and extensions, and that no data came with it. */
  const failure = async (query: string, variables: Record<string, unknown>, headers: Record<string, string> = wu) => {
    const { body } = await gql(query, variables, headers);
    expect(body.errors).toHaveLength(1);
    return { message: body.errors[0].message, extensions: body.errors[0].extensions, data: body.data };
  };

  it('saves a canvas, opens it whole and lists it', async () => {
    const saved = await save({ name: '  7·30 团伙  ', document: canvas('phone:+8613812345678', 'gang:730'), elementCount: 2 });
    expect(saved).toEqual({
      id: expect.stringMatching(/^inv:[0-9a-f-]{36}$/),
      name: '7·30 团伙',
      version: 1,
      elementCount: 2,
      agencies: [SH],
      createdAt: expect.stringMatching(ISO),
      createdBy: 'officer-wu',
      updatedAt: saved.createdAt,
      updatedBy: 'officer-wu',
      document: canvas('phone:+8613812345678', 'gang:730'),
    });
    expect((await gql(GET, { id: saved.id }, zhao)).body).toEqual({ data: { investigation: saved } });
    const { document: _, ...summary } = saved;
    expect((await gql(LIST, {})).body).toEqual({ data: { investigations: [summary] } });
  });

  it('saves over the version it opened, and refuses a stale one with CONFLICT', async () => {
    const first = await save({ name: 'Ms Wu', document: canvas('case:SH2') });
    const second = await save({ id: first.id, version: 1, name: 'Ms Wu, frozen', document: canvas('case:SH2', 'card:1'), elementCount: 2 }, zhao);
    expect(second).toEqual({ ...first, name: 'Ms Wu, frozen', version: 2, elementCount: 2, updatedAt: second.updatedAt, updatedBy: 'officer-zhao', document: canvas('case:SH2', 'card:1') });
    expect(await failure(SAVE, { input: { id: first.id, version: 1, name: 'Mine', document: canvas() } })).toEqual({
      message: `Investigation ${first.id} was saved again (version 2, by officer-zhao at ${second.updatedAt}) after the version 1 this edit started from; reopen it and redo the change, or save yours as a new investigation.`,
      extensions: { code: 'CONFLICT', field: 'version' },
      data: null,
    });
    expect((await gql(GET, { id: first.id })).body.data.investigation).toEqual(second);
  });

  it('lists the most recently saved first, limit clamped to 1..100', async () => {
    const a = await save({ name: 'A', document: canvas() });
    await save({ name: 'B', document: canvas() }, zhao);
    await save({ name: 'C', document: canvas() });
    await save({ id: a.id, version: 1, name: 'A again', document: canvas() });
    const names = async (limit?: number) => (await gql(LIST, { limit })).body.data.investigations.map((i: { name: string }) => i.name);
    expect(await names()).toEqual(['A again', 'C', 'B']);
    expect(await names(2)).toEqual(['A again', 'C']);
    expect(await names(0)).toEqual(['A again']);
    expect(await names(10_000)).toEqual(['A again', 'C', 'B']);
  });

  it('validates the input, naming the field', async () => {
    const cases: [object, string, string, string][] = [
      [{ name: ' ', document: {} }, 'name: an investigation needs a name.', 'BAD_INPUT', 'name'],
      [{ name: 'x'.repeat(201), document: {} }, 'name: at most 200 characters (got 201).', 'BAD_INPUT', 'name'],
      [{ name: 'A', document: [1, 2] }, 'document: the canvas document must be a JSON object.', 'BAD_INPUT', 'document'],
      [{ name: 'A', document: '{"format":"case-linkage-canvas"}' }, 'document: the canvas document must be a JSON object.', 'BAD_INPUT', 'document'],
      [{ name: 'A', document: null }, 'document: the canvas document must be a JSON object.', 'BAD_INPUT', 'document'],
      [{ name: 'A', document: {}, version: 3 }, 'version: a new investigation has no version yet; send its id with the version to save over it.', 'BAD_INPUT', 'version'],
      [{ name: 'A', document: {}, elementCount: -2 }, 'elementCount: a whole number, 0 or more.', 'BAD_INPUT', 'elementCount'],
    ];
    for (const [input, message, code, field] of cases) {
      const { body } = await gql(SAVE, { input });
      // A null for a required field is refused by GraphQL itself, before any resolver.
      if ((input as { document: unknown }).document === null) {
        expect(body.errors[0].message).toBe('Variable "$input" got invalid value null at "input.document"; Expected non-nullable type "JSON!" not to be null.');
        continue;
      }
      expect({ message: body.errors[0].message, extensions: body.errors[0].extensions }).toEqual({ message, extensions: { code, field } });
    }
    const saved = await save({ name: 'A', document: {} });
    expect(await failure(SAVE, { input: { id: saved.id, name: 'A', document: {} } })).toEqual({
      message: 'version: saving over an investigation needs the version it was opened at.',
      extensions: { code: 'BAD_INPUT', field: 'version' },
      data: null,
    });
    expect((await gql(LIST, {})).body.data.investigations.map((i: { name: string }) => i.name)).toEqual(['A']);
  });

  it('refuses a document over 2 MiB with LIMIT, and saves one just under', async () => {
    const bytes = (doc: object) => Buffer.byteLength(JSON.stringify(doc));
    const under = { note: 'x'.repeat(2 * 1024 * 1024 - 11) };
    expect(bytes(under)).toBe(2 * 1024 * 1024);
    expect((await save({ name: 'Big', document: under })).document).toEqual(under);
    const over = { note: '中'.repeat(700_000) };
    expect(await failure(SAVE, { input: { name: 'Too big', document: over } })).toEqual({
      message: `document: ${bytes(over)} bytes is more than an investigation may hold (2097152 bytes, 2 MiB); remove elements from the canvas or save part of it.`,
      extensions: { code: 'LIMIT', field: 'document' },
      data: null,
    });
  });

  it('answers another agency exactly as for an investigation that does not exist', async () => {
    const saved = await save({ name: 'Shanghai only', document: canvas('case:SH1') });
    const asLin = async (id: string) => ({
      get: (await gql(GET, { id }, lin)).body,
      save: await failure(SAVE, { input: { id, version: 1, name: 'Taken', document: {} } }, lin),
      delete: await failure(DELETE, { id }, lin),
    });
    const hidden = await asLin(saved.id);
    expect(hidden).toEqual({
      get: { data: { investigation: null } },
      save: { message: `No investigation ${saved.id}.`, extensions: { code: 'NOT_FOUND', field: 'id' }, data: null },
      delete: { message: `No investigation ${saved.id}.`, extensions: { code: 'NOT_FOUND', field: 'id' }, data: null },
    });
    const missing = 'inv:00000000-0000-4000-8000-000000000000';
    expect(JSON.stringify(await asLin(missing)).replaceAll(missing, saved.id)).toBe(JSON.stringify(hidden));
    expect((await gql(LIST, {}, lin)).body).toEqual({ data: { investigations: [] } });
    expect((await gql(GET, { id: saved.id })).body.data.investigation.name).toBe('Shanghai only');
  });

  it('lets only a named user of an agency save', async () => {
    for (const headers of [{ 'x-agencies': '', 'x-user': 'officer-wu' }, { 'x-agencies': SH, 'x-user': '' }]) {
      expect(await failure(SAVE, { input: { name: 'A', document: {} } }, headers)).toEqual({
        message: 'Saving an investigation needs a named user of an agency.',
        extensions: { code: 'FORBIDDEN' },
        data: null,
      });
    }
    expect((await gql(LIST, {})).body.data.investigations).toEqual([]);
  });

  it('deletes an investigation and gives back its id', async () => {
    const saved = await save({ name: 'Gone', document: canvas() });
    expect((await gql(DELETE, { id: saved.id }, zhao)).body).toEqual({ data: { deleteInvestigation: saved.id } });
    expect((await gql(GET, { id: saved.id })).body).toEqual({ data: { investigation: null } });
    expect(await failure(DELETE, { id: saved.id })).toMatchObject({ extensions: { code: 'NOT_FOUND', field: 'id' } });
  });

  it('keeps hostile names, ids and documents as data', async () => {
    const hostile = `x') MATCH (n) DETACH DELETE n //`;
    const saved = await save({ name: hostile, document: { [hostile]: `'"\`\\ $id`, nested: [{ '$where': hostile }] } });
    expect((await gql(GET, { id: saved.id })).body.data.investigation).toMatchObject({ name: hostile, document: { [hostile]: `'"\`\\ $id`, nested: [{ '$where': hostile }] } });
    expect((await gql(GET, { id: hostile })).body).toEqual({ data: { investigation: null } });
    expect(await failure(DELETE, { id: `${saved.id}' OR 1=1 //` })).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    expect((await gql(LIST, {})).body.data.investigations.map((i: { id: string }) => i.id)).toEqual([saved.id]);
  });
});
