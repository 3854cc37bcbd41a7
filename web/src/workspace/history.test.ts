import { describe, expect, it } from 'vitest';
import { amend, commit, createHistory, redo, redoChange, undo, undoChange } from './history';

describe('the undo stack', () => {
  it('undoes and redoes changes in order, naming each', () => {
    let h = createHistory('a');
    h = commit(h, 'ab', 'expand');
    h = commit(h, 'abc', 'hide');
    expect(undoChange(h)).toBe('hide');
    h = undo(h);
    expect(h.present).toBe('ab');
    expect(redoChange(h)).toBe('hide');
    expect(undoChange(h)).toBe('expand');
    h = undo(h);
    expect(h.present).toBe('a');
    expect(undoChange(h)).toBeUndefined();
    h = redo(h);
    h = redo(h);
    expect(h.present).toBe('abc');
    expect(redoChange(h)).toBeUndefined();
  });

  it('drops the redo branch when a new change is made', () => {
    let h = commit(commit(createHistory(1), 2, 'x'), 3, 'y');
    h = commit(undo(h), 4, 'z');
    expect(h.present).toBe(4);
    expect(h.future).toEqual([]);
    expect(undo(h).present).toBe(2);
  });

  it('leaves the stack alone when there is nothing to undo or redo, or nothing changed', () => {
    const h = createHistory({ n: 1 });
    expect(undo(h)).toBe(h);
    expect(redo(h)).toBe(h);
    expect(commit(h, h.present, 'same')).toBe(h);
  });

  it('amends the present without a step, so the change and its settling undo together', () => {
    let h = commit(createHistory('a'), 'b', 'expand');
    h = amend(h, 'b, laid out');
    expect(h.past.map((s) => s.state)).toEqual(['a']);
    expect(undo(h).present).toBe('a');
    expect(redo(undo(h)).present).toBe('b, laid out');
  });

  it('forgets the oldest changes beyond the limit', () => {
    let h = createHistory(0);
    for (let i = 1; i <= 5; i++) h = commit(h, i, `step ${i}`, 3);
    expect(h.past.map((s) => s.state)).toEqual([2, 3, 4]);
    h = undo(undo(undo(h)));
    expect(h.present).toBe(2);
    expect(undo(h)).toBe(h);
  });
});
