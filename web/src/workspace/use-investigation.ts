import { useCallback, useState } from 'react';
import { ApiError } from '../api/errors';
import { InvestigationQuery, SaveInvestigationMutation } from '../api/operations';
import type { Request } from '../api/use-api';
import { useNavigation } from '../app/Navigation';
import { DocFormatError, elementCount, parseDoc, serializeDoc, type CanvasDoc } from './doc';
import type { CanvasHistory } from './use-canvas-history';
import type { Tasks } from './use-tasks';

export interface SavedMeta {
  id: string;
  name: string;
  version: number;
  updatedAt: string;
  updatedBy: string;
}

export interface Investigation {
  saved: SavedMeta | null;
  name: string;
  setName(name: string): void;
  /** The canvas or the name changed since the last save or open. */
  dirty: boolean;
  load(id: string): Promise<boolean>;
  /** Saves over the open investigation, or as a new one (`asNew`, or nothing open yet); true when saved. */
  save(options?: { asNew?: boolean }): Promise<boolean>;
  /** Why the open investigation could not be read, when it could not. */
  unreadable: string | null;
}

/** The saved investigation behind the canvas: open, save (optimistic concurrency by version), its address. */
export function useInvestigation({ request, history, tasks, untitled }: { request: Request; history: CanvasHistory; tasks: Tasks; untitled: string }): Investigation {
  const { navigate } = useNavigation();
  const [saved, setSaved] = useState<SavedMeta | null>(null);
  const [savedDoc, setSavedDoc] = useState<CanvasDoc | null>(null);
  const [name, setName] = useState('');
  const [unreadable, setUnreadable] = useState<string | null>(null);

  const load = useCallback(
    (id: string) =>
      tasks.run('action.load', async (signal) => {
        const { investigation } = await request(InvestigationQuery, { id }, signal);
        if (!investigation) throw new ApiError('not-found');
        let doc: CanvasDoc;
        try {
          doc = parseDoc(investigation.document);
        } catch (error) {
          if (error instanceof DocFormatError) return setUnreadable(error.message);
          throw error;
        }
        history.reset(doc);
        setSavedDoc(doc);
        setSaved({ id: investigation.id, name: investigation.name, version: investigation.version, updatedAt: investigation.updatedAt, updatedBy: investigation.updatedBy });
        setName(investigation.name);
      }),
    [request, history, tasks],
  );

  const save = useCallback(
    ({ asNew = false }: { asNew?: boolean } = {}) =>
      tasks.run('action.save', async (signal) => {
        const doc = history.current();
        const over = asNew ? null : saved;
        const input = {
          id: over?.id ?? null,
          version: over?.version ?? null,
          name: name.trim() || untitled,
          document: serializeDoc(doc) as unknown as Record<string, unknown>,
          elementCount: elementCount(doc),
        };
        const { saveInvestigation: result } = await request(SaveInvestigationMutation, { input }, signal);
        setSaved({ id: result.id, name: result.name, version: result.version, updatedAt: result.updatedAt, updatedBy: result.updatedBy });
        setSavedDoc(doc);
        setName(result.name);
        // The canvas stays as it is (its undo stack too); only the address changes, to the one to share.
        navigate({ name: 'investigation', id: result.id }, { replace: !saved, keepScreen: true });
      }),
    [request, history, tasks, saved, name, untitled, navigate],
  );

  const dirty = history.doc !== savedDoc || (saved !== null && name.trim() !== saved.name);
  return { saved, name, setName, dirty: dirty && (saved !== null || Object.keys(history.doc.graph.nodes).length > 0), load, save, unreadable };
}
