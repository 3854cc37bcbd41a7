import { useCallback, useMemo, useRef, useState } from 'react';
import type { MessageKey, Params } from '../i18n/messages';
import { emptyDoc, type CanvasDoc } from './doc';
import { amend, commit, createHistory, redo, redoChange, undo, undoChange, type History } from './history';

/** A change's name for the undo button: a message and its parameters. */
export interface Change {
  key: MessageKey;
  params?: Params;
}

const encode = (change: Change) => JSON.stringify([change.key, change.params ?? {}]);
export const decodeChange = (text: string): Change => {
  const [key, params] = JSON.parse(text) as [MessageKey, Params];
  return { key, params };
};

export interface CanvasHistory {
  doc: CanvasDoc;
  /** The document as it is now, for work that finishes later than the render that started it. */
  current(): CanvasDoc;
  change(change: Change, f: (doc: CanvasDoc) => CanvasDoc): void;
  /** Applies a follow-up of the last change (its layout settling) without a step of its own. */
  settle(f: (doc: CanvasDoc) => CanvasDoc): void;
  undo(): void;
  redo(): void;
  undoing: Change | undefined;
  redoing: Change | undefined;
  /** Starts over from a document (an investigation opened): nothing to undo. */
  reset(doc: CanvasDoc): void;
}

/** The canvas document and its undo stack (history.ts), as React state. */
export function useCanvasHistory(): CanvasHistory {
  const [history, setHistory] = useState<History<CanvasDoc>>(() => createHistory(emptyDoc()));
  const latest = useRef(history);
  const update = useCallback((f: (h: History<CanvasDoc>) => History<CanvasDoc>) => {
    latest.current = f(latest.current);
    setHistory(latest.current);
  }, []);
  const u = undoChange(history);
  const r = redoChange(history);
  return useMemo(
    () => ({
      doc: history.present,
      current: () => latest.current.present,
      change: (change, f) => update((h) => commit(h, f(h.present), encode(change))),
      settle: (f) => update((h) => amend(h, f(h.present))),
      undo: () => update(undo),
      redo: () => update(redo),
      undoing: u ? decodeChange(u) : undefined,
      redoing: r ? decodeChange(r) : undefined,
      reset: (doc) => update(() => createHistory(doc)),
    }),
    [history, update, u, r],
  );
}
