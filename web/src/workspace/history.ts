/**
 * Undo and redo as a pure stack of snapshots. The canvas document is immutable and shares
 * structure between versions, so a snapshot costs little and undoing any change (an expansion,
 * a layout, a drag) is the same operation: step back to the state before it.
 */
export interface History<T> {
  /** Earlier states, oldest first, each with the name of the change that left it. */
  readonly past: readonly Step<T>[];
  readonly present: T;
  /** Undone states, next first, each with the name of the change that leads to it. */
  readonly future: readonly Step<T>[];
}

export interface Step<T> {
  readonly state: T;
  /** What the change was, for "Undo expand 陈文杰" (a message key or text; the stack does not read it). */
  readonly change: string;
}

/** How many changes are remembered; the oldest go first. */
export const HISTORY_LIMIT = 200;

export function createHistory<T>(initial: T): History<T> {
  return { past: [], present: initial, future: [] };
}

/** Records a change; a redo branch is dropped. A change that leaves the state as it was is no change. */
export function commit<T>(h: History<T>, next: T, change: string, limit = HISTORY_LIMIT): History<T> {
  if (next === h.present) return h;
  const past = [...h.past, { state: h.present, change }];
  return { past: past.length > limit ? past.slice(past.length - limit) : past, present: next, future: [] };
}

/** Replaces the present without a new step: the follow-up of the change just made (its layout settling). */
export function amend<T>(h: History<T>, next: T): History<T> {
  return next === h.present ? h : { ...h, present: next };
}

export function undo<T>(h: History<T>): History<T> {
  const last = h.past[h.past.length - 1];
  if (!last) return h;
  return { past: h.past.slice(0, -1), present: last.state, future: [{ state: h.present, change: last.change }, ...h.future] };
}

export function redo<T>(h: History<T>): History<T> {
  const next = h.future[0];
  if (!next) return h;
  return { past: [...h.past, { state: h.present, change: next.change }], present: next.state, future: h.future.slice(1) };
}

/** The change undo would revert, or undefined. */
export const undoChange = <T>(h: History<T>): string | undefined => h.past[h.past.length - 1]?.change;

/** The change redo would reapply, or undefined. */
export const redoChange = <T>(h: History<T>): string | undefined => h.future[0]?.change;
