export interface Point {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

/**
 * Where a menu opened at a point goes so that all of it is on screen: at the point when it fits,
 * above the point (or left of it) when it does not fit below (or right), else pressed against the
 * far edge; never closer than `margin` to any edge while the screen is large enough.
 */
export function placeMenu(at: Point, menu: Size, screen: Size, margin = 8): Point {
  const axis = (start: number, length: number, room: number) => {
    if (start + length + margin <= room) return Math.max(margin, start);
    if (start - length >= margin) return start - length;
    return Math.max(margin, room - length - margin);
  };
  return { x: axis(at.x, menu.width, screen.width), y: axis(at.y, menu.height, screen.height) };
}
