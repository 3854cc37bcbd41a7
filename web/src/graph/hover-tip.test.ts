import { describe, expect, it } from 'vitest';
import { hoverShowsTip, hoverTip } from './hover-tip';
import { LARGE_GRAPH } from './style';

describe('hover labels', () => {
  it('are tips over the canvas only in a large graph', () => {
    expect([hoverShowsTip(LARGE_GRAPH), hoverShowsTip(LARGE_GRAPH + 1), hoverShowsTip(0)]).toEqual([false, true, false]);
  });

  it('put the label at the anchor, in whole pixels, and give none for an element without one', () => {
    expect(hoverTip('陈文杰（文哥）', { x: 10.4, y: 20.6 })).toEqual({ text: '陈文杰（文哥）', left: 10, top: 21 });
    expect([hoverTip('', { x: 0, y: 0 }), hoverTip('  ', { x: 0, y: 0 }), hoverTip(undefined, { x: 0, y: 0 })]).toEqual([null, null, null]);
  });
});
