import { describe, expect, it } from 'vitest';
import { commandFor, type KeyPress } from './keymap';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, inField: false, ...mods });

describe('keyboard shortcuts', () => {
  it('undo with Ctrl+Z, redo with Ctrl+Shift+Z or Ctrl+Y, on Windows and on a Mac', () => {
    expect(commandFor(press('z', { ctrlKey: true }))).toBe('undo');
    expect(commandFor(press('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(commandFor(press('y', { ctrlKey: true }))).toBe('redo');
    expect(commandFor(press('z', { metaKey: true }))).toBe('undo');
    expect(commandFor(press('z', { metaKey: true, shiftKey: true }))).toBe('redo');
  });

  it('map single keys to canvas commands', () => {
    expect(['/', 'e', 'Enter', 'h', 'Delete', 'p', 'l', 'f', 'Escape', '?', 'm', '1', '2', '3', '4'].map((k) => commandFor(press(k)))).toEqual([
      'search',
      'expand',
      'expand',
      'hide',
      'remove',
      'pin',
      'lock',
      'fit',
      'escape',
      'help',
      'menu',
      'layout-force',
      'layout-hierarchy',
      'layout-money',
      'layout-grid',
    ]);
  });

  it('leave typing in a text field alone (its own undo too), except saving and Escape', () => {
    expect(commandFor(press('e', { inField: true }))).toBeUndefined();
    expect(commandFor(press('Delete', { inField: true }))).toBeUndefined();
    expect(commandFor(press('a', { ctrlKey: true, inField: true }))).toBeUndefined();
    expect(commandFor(press('z', { ctrlKey: true, inField: true }))).toBeUndefined();
    expect(commandFor(press('s', { ctrlKey: true, inField: true }))).toBe('save');
    expect(commandFor(press('Escape', { inField: true }))).toBe('escape');
  });

  it('ignore Alt combinations and unknown keys', () => {
    expect(commandFor(press('z', { ctrlKey: true, altKey: true }))).toBeUndefined();
    expect(commandFor(press('q'))).toBeUndefined();
  });
});
