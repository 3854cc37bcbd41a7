/**
 * The workspace's keyboard shortcuts, as a pure map from a key press to a command, so the table
 * in the help dialog and the handler cannot disagree.
 */
export type KeyCommand =
  | 'undo'
  | 'redo'
  | 'search'
  | 'expand'
  | 'hide'
  | 'remove'
  | 'pin'
  | 'lock'
  | 'fit'
  | 'selectAll'
  | 'escape'
  | 'save'
  | 'help'
  | 'menu'
  | 'layout-force'
  | 'layout-hierarchy'
  | 'layout-money'
  | 'layout-grid';

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  /** True when the press goes to a text field, where only Ctrl+S and Escape apply. */
  inField: boolean;
}

/** The command a key press means in the workspace, or undefined. Ctrl and ⌘ are the same. */
export function commandFor(press: KeyPress): KeyCommand | undefined {
  const mod = press.ctrlKey || press.metaKey;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  if (press.altKey) return undefined;
  // A text field keeps its own editing keys (its own undo among them).
  if (press.inField) return mod && key === 's' ? 'save' : key === 'Escape' ? 'escape' : undefined;
  if (mod) {
    if (key === 'z') return press.shiftKey ? 'redo' : 'undo';
    if (key === 'y' && !press.shiftKey) return 'redo';
    if (key === 's') return 'save';
    if (key === 'a') return 'selectAll';
    return undefined;
  }
  switch (key) {
    case '/':
      return 'search';
    case 'e':
    case 'Enter':
      return 'expand';
    case 'h':
      return 'hide';
    case 'Delete':
    case 'Backspace':
      return 'remove';
    case 'p':
      return 'pin';
    case 'l':
      return 'lock';
    case 'f':
      return 'fit';
    case 'Escape':
      return 'escape';
    case '?':
      return 'help';
    case 'm':
    case 'ContextMenu':
      return 'menu';
    case '1':
      return 'layout-force';
    case '2':
      return 'layout-hierarchy';
    case '3':
      return 'layout-money';
    case '4':
      return 'layout-grid';
    default:
      return undefined;
  }
}

/** The help dialog's table: the keys for each command, and its message key. */
export const SHORTCUTS = [
  { keys: ['Ctrl+Z'], help: 'key.undo' },
  { keys: ['Ctrl+Shift+Z', 'Ctrl+Y'], help: 'key.redo' },
  { keys: ['/'], help: 'key.search' },
  { keys: ['E', 'Enter'], help: 'key.expand' },
  { keys: ['M'], help: 'key.menu' },
  { keys: ['H'], help: 'key.hide' },
  { keys: ['Delete'], help: 'key.remove' },
  { keys: ['P'], help: 'key.pin' },
  { keys: ['L'], help: 'key.lock' },
  { keys: ['F'], help: 'key.fit' },
  { keys: ['1', '2', '3', '4'], help: 'key.layout' },
  { keys: ['Ctrl+A'], help: 'key.selectAll' },
  { keys: ['Ctrl+S'], help: 'key.save' },
  { keys: ['Esc'], help: 'key.escape' },
  { keys: ['?'], help: 'key.help' },
] as const;
