import type { ApiViewer } from '../api/viewer';
import type { GraphStore } from '../store/graph-store';
import { CanvasFormatError, readCanvas } from './collect';
import type { ExportRequest } from './package';

/** What an export starts from: a saved investigation, or the canvas as the client holds it now. */
export interface ExportSource {
  investigationId?: string | null;
  /** A canvas document (web/src/workspace/doc.ts), saved form or bare; used when no investigation is named. */
  document?: unknown;
  /** The name printed on a canvas that was never saved. */
  name?: string | null;
}

/** An export the input cannot make; `field` names what is wrong. */
export class ExportInputError extends Error {
  constructor(
    readonly problem: 'not-found' | 'invalid',
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'ExportInputError';
  }
}

/** The canvas and investigation an export reads, from a saved investigation the viewer may open or a document. */
export async function exportSubject(store: GraphStore, viewer: ApiViewer, source: ExportSource): Promise<Pick<ExportRequest, 'canvas' | 'investigation'>> {
  try {
    if (source.investigationId) {
      const saved = await store.getInvestigation(viewer, source.investigationId);
      if (!saved) throw new ExportInputError('not-found', 'investigationId', `No investigation ${source.investigationId}.`);
      return { canvas: readCanvas(JSON.parse(saved.document)), investigation: { id: saved.id, name: saved.name } };
    }
    if (source.document === undefined || source.document === null) {
      throw new ExportInputError('invalid', 'investigationId', 'Name a saved investigation, or send the canvas document.');
    }
    return { canvas: readCanvas(source.document), investigation: { id: null, name: source.name?.trim() || 'Current canvas 当前画布' } };
  } catch (error) {
    if (error instanceof CanvasFormatError) throw new ExportInputError('invalid', 'document', error.message);
    throw error;
  }
}
