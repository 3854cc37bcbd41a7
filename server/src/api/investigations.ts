import { InvestigationError, type InvestigationStore } from '../store/investigations';
import { apiError, type ErrorCode } from './errors';
import { API_LIMITS, clamp } from './limits';
import type { ApiViewer } from './viewer';

export interface InvestigationInput {
  id?: string | null;
  name: string;
  document?: unknown;
  version?: number | null;
  elementCount?: number | null;
}

const CODES: Record<InvestigationError['problem'], ErrorCode> = {
  invalid: 'BAD_INPUT',
  'too-large': 'LIMIT',
  'not-found': 'NOT_FOUND',
  stale: 'CONFLICT',
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A field of the input at fault: BAD_INPUT, the field named in the message and in extensions.field. */
const badField = (field: string, problem: string) => apiError('BAD_INPUT', `${field}: ${problem}`, { field });

/** The store's refusals, in the API's codes, naming the field; anything else stays masked. */
async function refused<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof InvestigationError) throw apiError(CODES[error.problem], error.message, error.field ? { field: error.field } : {});
    throw error;
  }
}

/** Saved investigations: the canvas documents of the web app, kept as the store's opaque JSON text. */
export function createInvestigationServices(store: InvestigationStore) {
  return {
    list: (viewer: ApiViewer, a: { limit?: number | null }) =>
      store.listInvestigations(viewer, { limit: clamp(a.limit, API_LIMITS.investigations.max, API_LIMITS.investigations.fallback) }),

    get: (viewer: ApiViewer, id: string) => store.getInvestigation(viewer, id),

    save: (viewer: ApiViewer, input: InvestigationInput) => {
      // Visibility rests on who saved and under which agencies: an anonymous or agency-less
      // viewer's investigation would be everyone's or no one's.
      if (viewer.agencies.length === 0 || viewer.userId === 'anonymous') {
        throw apiError('FORBIDDEN', 'Saving an investigation needs a named user of an agency.');
      }
      if (!isObject(input.document)) throw badField('document', 'the canvas document must be a JSON object.');
      const hasId = input.id !== undefined && input.id !== null;
      if (!hasId && input.version !== undefined && input.version !== null) {
        throw badField('version', 'a new investigation has no version yet; send its id with the version to save over it.');
      }
      return refused(() =>
        store.saveInvestigation(viewer, {
          id: hasId ? String(input.id) : null,
          name: input.name,
          document: JSON.stringify(input.document),
          version: input.version,
          elementCount: input.elementCount,
        }),
      );
    },

    delete: async (viewer: ApiViewer, id: string) => {
      if (!(await store.deleteInvestigation(viewer, id))) throw apiError('NOT_FOUND', `No investigation ${id}.`, { field: 'id' });
      return id;
    },
  };
}

export type InvestigationServices = ReturnType<typeof createInvestigationServices>;
