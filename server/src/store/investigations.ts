import type { PropDef } from '../domain/model';
import type { Viewer } from '../domain/types';

/**
 * Saved investigations: an investigator's canvas (elements, positions, layout, filters) kept
 * under a name on the server, so it can be reopened or handed over. The canvas is the web
 * app's document; the store keeps it as an opaque JSON string and never reads inside it.
 */

export const INVESTIGATION_LIMITS = {
  /** UTF-8 bytes of one saved document: a 5,000-element canvas with positions is about 1 MiB. */
  documentBytes: 2 * 1024 * 1024,
  nameLength: 200,
  list: 500,
} as const;

/** What a list shows: everything but the document. */
export interface InvestigationSummary {
  /** `inv:` and a random UUID, chosen by the store. */
  id: string;
  name: string;
  /** 1 when created, one more on every save: what optimistic concurrency compares. */
  version: number;
  /** How many canvas elements the document holds, as the caller counted them. */
  elementCount: number;
  /** The agencies of the viewer who created it; their members see it (see `InvestigationStore`). */
  agencies: string[];
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export interface Investigation extends InvestigationSummary {
  /** The canvas document, as JSON text. */
  document: string;
}

export interface InvestigationDraft {
  /** Absent for a new investigation; present to save over an existing one. */
  id?: string | null;
  name: string;
  document: string;
  /** Required with `id`: the version the edit started from. A save over any other fails (`stale`). */
  version?: number | null;
  elementCount?: number | null;
}

/**
 * The stored properties of an investigation, one place for the Kuzu table and the Cypher lint
 * schema. `agencies` is encoded like nodes' owners (`|sh-psb|fj-psb|`, visibility.ts), so one
 * regular expression decides visibility in both dialects.
 */
export const INVESTIGATION_PROPS = {
  id: { type: 'string' },
  name: { type: 'string' },
  document: { type: 'string' },
  version: { type: 'int' },
  elementCount: { type: 'int' },
  agencies: { type: 'string' },
  createdAt: { type: 'time' },
  createdBy: { type: 'string' },
  updatedAt: { type: 'time' },
  updatedBy: { type: 'string' },
} as const satisfies Record<string, PropDef>;

/**
 * Application records beside the graph, behind the same port. Who may see an investigation:
 * the user who created it, and every member of an agency it was created under. The same rule
 * governs reading, saving over and deleting, and an investigation one may not see is answered
 * exactly as one that does not exist. (The access issue adds explicit shares to users and task
 * forces: a third way in, decided in the same `WHERE` of each investigation-*.cypher query and
 * in `accessParams` in cypher-investigations.ts.)
 */
export interface InvestigationStore {
  /**
   * Creates an investigation (no `id`) as the viewer, under the viewer's agencies, or saves over
   * a visible one whose version is still `version`, keeping its creator and agencies. Throws
   * InvestigationError: `invalid` or `too-large` naming the field, `not-found` for an unknown or
   * invisible id, `stale` when someone saved it since `version`.
   */
  saveInvestigation(viewer: Viewer, draft: InvestigationDraft): Promise<Investigation>;

  /** One visible investigation with its document; null when unknown or not visible. */
  getInvestigation(viewer: Viewer, id: string): Promise<Investigation | null>;

  /** The visible investigations, most recently saved first, at most `limit` (clamped to 1..500). */
  listInvestigations(viewer: Viewer, options: { limit: number }): Promise<InvestigationSummary[]>;

  /** Deletes a visible investigation; false (and nothing deleted) when unknown or not visible. */
  deleteInvestigation(viewer: Viewer, id: string): Promise<boolean>;
}

export type InvestigationProblem = 'invalid' | 'too-large' | 'not-found' | 'stale';

/** A save the store refused; nothing was written. `field` names the draft's field at fault. */
export class InvestigationError extends Error {
  constructor(
    readonly problem: InvestigationProblem,
    message: string,
    readonly field?: keyof InvestigationDraft,
  ) {
    super(message);
    this.name = 'InvestigationError';
  }
}
