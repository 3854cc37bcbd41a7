import { randomUUID } from 'node:crypto';
import type { Viewer } from '../domain/types';
import {
  INVESTIGATION_LIMITS as LIMITS,
  InvestigationError,
  type Investigation,
  type InvestigationDraft,
  type InvestigationStore,
  type InvestigationSummary,
} from './investigations';
import { num } from './mapping';
import type { CypherRunner, Row } from './runner';
import { decodeOwners, encodeOwners, viewerParams } from './visibility';

/**
 * Who may see an investigation, as query parameters: its creator, or a member of an agency it
 * was saved under. `scoped` is false for a viewer with no agency, whom the pattern must not
 * match at all. The access issue's shares join here (and in each query's WHERE).
 */
function accessParams(viewer: Viewer): { userId: string; scoped: boolean; agencyPattern: string } {
  const scoped = viewer.agencies.length > 0;
  return { userId: viewer.userId, scoped, agencyPattern: scoped ? viewerParams(viewer).ownerPattern : '' };
}

function toSummary(row: Row): InvestigationSummary {
  return {
    id: row.id as string,
    name: row.name as string,
    version: num(row.version),
    elementCount: num(row.elementCount),
    agencies: decodeOwners(row.agencies),
    createdAt: row.createdAt as string,
    createdBy: row.createdBy as string,
    updatedAt: row.updatedAt as string,
    updatedBy: row.updatedBy as string,
  };
}

/** A draft's fields as stored, or InvestigationError naming the first field at fault. */
function checked(draft: InvestigationDraft): { name: string; document: string; elementCount: number } {
  const name = draft.name.trim();
  if (name.length === 0) throw new InvestigationError('invalid', 'name: an investigation needs a name.', 'name');
  if (name.length > LIMITS.nameLength) {
    throw new InvestigationError('invalid', `name: at most ${LIMITS.nameLength} characters (got ${name.length}).`, 'name');
  }
  const bytes = Buffer.byteLength(draft.document, 'utf8');
  if (bytes > LIMITS.documentBytes) {
    throw new InvestigationError(
      'too-large',
      `document: ${bytes} bytes is more than an investigation may hold (${LIMITS.documentBytes} bytes, 2 MiB); remove elements from the canvas or save part of it.`,
      'document',
    );
  }
  const elementCount = draft.elementCount ?? 0;
  if (!Number.isSafeInteger(elementCount) || elementCount < 0) {
    throw new InvestigationError('invalid', 'elementCount: a whole number, 0 or more.', 'elementCount');
  }
  return { name, document: draft.document, elementCount };
}

/** The InvestigationStore half of the port, over any engine that runs the queries in cypher/. */
export class CypherInvestigations implements InvestigationStore {
  private lastSave = 0;

  constructor(private readonly runner: CypherRunner) {}

  async saveInvestigation(viewer: Viewer, draft: InvestigationDraft): Promise<Investigation> {
    const fields = { ...checked(draft), now: this.now() };
    if (draft.id === undefined || draft.id === null) {
      const id = `inv:${randomUUID()}`;
      const params = { ...fields, id, userId: viewer.userId, savedUnder: encodeOwners(viewer.agencies) };
      const [row] = await this.runner.writeQuery('investigation-create', params);
      if (!row) throw new Error(`investigation ${id} not readable after create`);
      return { ...toSummary(row), document: fields.document };
    }
    const version = draft.version;
    if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
      throw new InvestigationError('invalid', 'version: saving over an investigation needs the version it was opened at.', 'version');
    }
    const [row] = await this.runner.writeQuery('investigation-update', { ...accessParams(viewer), ...fields, id: draft.id, version });
    if (row) return { ...toSummary(row), document: fields.document };
    // Nothing written: tell unknown from stale, as the viewer sees it (invisible reads as unknown).
    const current = await this.getInvestigation(viewer, draft.id);
    if (!current) throw new InvestigationError('not-found', `No investigation ${draft.id}.`, 'id');
    throw new InvestigationError(
      'stale',
      `Investigation ${draft.id} was saved again (version ${current.version}, by ${current.updatedBy} at ${current.updatedAt}) ` +
        `after the version ${version} this edit started from; reopen it and redo the change, or save yours as a new investigation.`,
      'version',
    );
  }

  async getInvestigation(viewer: Viewer, id: string): Promise<Investigation | null> {
    const [row] = await this.runner.read('investigation-get', { ...accessParams(viewer), id });
    return row ? { ...toSummary(row), document: row.document as string } : null;
  }

  async listInvestigations(viewer: Viewer, options: { limit: number }): Promise<InvestigationSummary[]> {
    const limit = Math.min(LIMITS.list, Math.max(1, Math.trunc(options.limit) || 1));
    const rows = await this.runner.read('investigation-list', { ...accessParams(viewer), limit });
    return rows.map(toSummary);
  }

  async deleteInvestigation(viewer: Viewer, id: string): Promise<boolean> {
    return (await this.runner.writeQuery('investigation-delete', { ...accessParams(viewer), id })).length > 0;
  }

  /**
   * Save times strictly increase within this process, so the newest save lists first even when
   * two land in one millisecond.
   */
  private now(): string {
    this.lastSave = Math.max(Date.now(), this.lastSave + 1);
    return new Date(this.lastSave).toISOString();
  }
}
