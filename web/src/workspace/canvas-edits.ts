import type { CanvasDoc } from './doc';
import { collapse, hide, removeElements, setFlag } from './commands';
import type { Change } from './use-canvas-history';

/** The canvas edits that need no request, each committed as one named step of the undo stack. */
export function canvasEdits(change: (change: Change, f: (doc: CanvasDoc) => CanvasDoc) => void, current: () => CanvasDoc) {
  const flag = (name: 'pinned' | 'locked', ids: readonly string[], on?: boolean) => {
    if (!ids.length) return;
    const value = on ?? !ids.every((id) => current()[name].includes(id));
    const key = name === 'pinned' ? (value ? 'change.pin' : 'change.unpin') : value ? 'change.lock' : 'change.unlock';
    change({ key, params: { count: ids.length } }, (d) => setFlag(d, name, ids, value));
  };
  return {
    hide: (ids: readonly string[]) => ids.length && change({ key: 'change.hide', params: { count: ids.length } }, (d) => hide(d, ids)),
    remove: (ids: readonly string[]) => ids.length && change({ key: 'change.remove', params: { count: ids.length } }, (d) => removeElements(d, ids)),
    collapse: (id: string, name: string) => change({ key: 'change.collapse', params: { name } }, (d) => collapse(d, id)),
    /** Pins (or unpins, when all already are) these nodes; `on` forces one way. */
    pin: (ids: readonly string[], on?: boolean) => flag('pinned', ids, on),
    lock: (ids: readonly string[], on?: boolean) => flag('locked', ids, on),
  };
}
