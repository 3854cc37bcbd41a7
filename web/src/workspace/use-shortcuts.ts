import { useEffect, useRef } from 'react';
import { commandFor, type KeyCommand } from './keymap';

const INTERACTIVE = 'button, a, summary, [role=menuitem], [role=tab]';
const FIELD = 'input, textarea, select, [contenteditable=true]';

/**
 * Sends the workspace's keyboard shortcuts (keymap.ts) to `run`, except while a dialog or menu has
 * the keyboard, and leaving Enter to the button or link that has the focus.
 */
export function useShortcuts(run: (command: KeyCommand) => void): void {
  const latest = useRef(run);
  latest.current = run;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || document.querySelector('[role=dialog][aria-modal=true], [role=menu]')) return;
      const target = e.target as HTMLElement;
      if ((e.key === 'Enter' || e.key === ' ') && target.closest?.(INTERACTIVE)) return;
      const command = commandFor({ key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, shiftKey: e.shiftKey, altKey: e.altKey, inField: !!target.closest?.(FIELD) });
      if (!command) return;
      e.preventDefault();
      latest.current(command);
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);
}
