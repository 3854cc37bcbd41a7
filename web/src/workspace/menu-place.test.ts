import { describe, expect, it } from 'vitest';
import { placeMenu } from './menu-place';

const screen = { width: 1400, height: 900 };
const menu = { width: 220, height: 500 };

describe('placeMenu', () => {
  it('opens at the point when the menu fits below and to the right', () => {
    expect(placeMenu({ x: 300, y: 200 }, menu, screen)).toEqual({ x: 300, y: 200 });
  });

  it('opens above the point when it would run off the bottom, and left of it off the right edge', () => {
    expect(placeMenu({ x: 1300, y: 700 }, menu, screen)).toEqual({ x: 1080, y: 200 });
  });

  it('is pressed against the bottom edge when it fits neither below nor above the point', () => {
    expect(placeMenu({ x: 300, y: 450 }, { width: 220, height: 700 }, screen)).toEqual({ x: 300, y: 192 });
  });

  it('keeps the margin at the top and left edges', () => {
    expect(placeMenu({ x: 2, y: 3 }, menu, screen)).toEqual({ x: 8, y: 8 });
    expect(placeMenu({ x: 300, y: 100 }, { width: 220, height: 950 }, screen)).toEqual({ x: 300, y: 8 });
  });
});
