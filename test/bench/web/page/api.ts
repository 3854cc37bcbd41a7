/** What the bench page offers the driver (test/bench/web/bench.ts) on `window.bench`. */
export interface BenchApi {
  renderer(): { renderer: string; webgl: boolean; reason: string };
  /** Destroys the canvas, so that the driver can collect it before the next row (see bench.ts `traced`). */
  release(): Promise<void>;
  /** Programmatic panning (every frame a full redraw) of `nodes`/`links` with the app's stylesheet. */
  pan(opts: { nodes: number; links: number; seconds: number }): Promise<PanResult>;
  /** After setupPan: programmatic panning of the canvas as it is. */
  panFor(opts: { seconds: number }): Promise<PanResult>;
  /** Puts `nodes`/`links` of a synthetic gang graph on the canvas, fitted, caches warm; waits (≤ 10 s) for the layered texture: how long, whether it got ready. */
  setupPan(opts: { nodes: number; links: number }): Promise<{ elements: number; warmMs: number; ready: boolean }>;
  /** After setupPan: drags the canvas with mouse events dispatched in the page, one move a frame. */
  dragPan(opts: { seconds: number }): Promise<PanResult>;
  hierarchy(opts: { members: number; runs: number }): Promise<HierarchyResult>;
  /** `plain`: the floor, the same elements with a bare stylesheet. */
  expand(opts: { baseMembers: number; addMembers: number; plain?: boolean }): Promise<TaskResult>;
  force(opts: { members: number; plain?: boolean }): Promise<TaskResult>;
}

export interface PanResult {
  fps: number;
  frames: number;
  seconds: number;
  /** The longest gap between two frames, ms. */
  worstFrame: number;
  elements: number;
  zoom: number;
  /** For a drag: how far the view moved at most, px (0 means the drag did not pan). */
  panned?: number;
}

export interface HierarchyResult {
  people: number;
  elements: number;
  /** Layout and positions applied and drawn, ms: first run, median of the runs. */
  first: number;
  median: number;
  /** The layout function alone, median ms. */
  compute: number;
}

export interface TaskResult {
  elements: number;
  added?: number;
  /** The longest main-thread task (PerformanceObserver 'longtask', > 50 ms), ms; 0 when none. */
  longestTask: number;
  longTasks: number;
  /** Wall time of the whole operation (for the force layout, mostly in the worker), ms. */
  wall: number;
  /** Main-thread pieces, ms. */
  steps: Record<string, number>;
}
