/**
 * For tests: a canvas as layer-fill.ts and layered-reveal.ts see Cytoscape 3.x's renderer. One
 * layer, whose elements `getLayers` queues and `dequeue` draws one at a time; a render loop
 * (every macrotask turn) that, like Cytoscape's, draws unless `skipFrame` is set, lets the
 * layered cache fill between frames, and clears `skipFrame`; and a log of what happened.
 */
import type { Core } from 'cytoscape';

export function fakeLayeredCanvas(elements: number) {
  const log: string[] = [];
  const eles = Array.from({ length: elements }, () => ({ boundingBox: () => ({ x1: 0, y1: 0, x2: 40, y2: 30 }) }));
  let queued = 0;
  let drawn = 0;
  let drawnAtRead = 0;
  let zoom = 1;
  const layer = {
    width: 40,
    height: 30,
    canvas: undefined as unknown,
    /** Elements queued and not drawn yet, as Cytoscape counts them. */
    get reqs() {
      return queued - drawn;
    },
    context: {
      getImageData: () => {
        if (drawn > drawnAtRead) log.push(`raster ${drawn - drawnAtRead}`);
        drawnAtRead = drawn;
      },
    },
  };
  const made: unknown[] = [];
  const ltc = {
    firstGet: false,
    skipping: false,
    lastInvalidationTime: undefined as number | undefined,
    layersByLevel: {} as Record<number, unknown[]>,
    layersQueue: { size: () => (drawn < queued ? 1 : 0) },
    getLayers(list: unknown[]) {
      if (ltc.layersByLevel[0]?.length) return null;
      layer.canvas = r.makeOffscreenCanvas(40, 30);
      log.push(layer.canvas === made[0] ? 'layer on the canvas made ahead' : 'layer on a new canvas');
      ltc.layersByLevel[0] = [layer];
      queued = list.length;
      return null;
    },
    levelIsComplete: () => queued > 0 && drawn === queued,
    dequeue: (_px: number) => (drawn < queued ? [++drawn] : []),
  };
  const r = {
    skipFrame: false,
    startRenderLoop() {},
    getPixelRatio: () => 1,
    getCachedZSortedEles: () => ({ nondrag: eles }),
    flushRenderedStyleQueue() {},
    makeOffscreenCanvas(w: number, h: number): unknown {
      let allocated = false;
      const context = {
        reset: () => log.push(`clear ${w}x${h}`),
        getImageData: () => {
          if (!allocated) log.push(`allocate ${w}x${h}`);
          allocated = true;
        },
      };
      const canvas = { width: w, height: h, getContext: () => context };
      made.push(canvas);
      return canvas;
    },
    data: { lyrTxrCache: ltc },
  };
  const listeners = new Map<string, () => void>();
  const frame = () => {
    if (!r.skipFrame) {
      log.push('frame drew');
      listeners.get('render')?.();
    } else if (ltc.dequeue(1).length > 0) log.push('frame filled');
    r.skipFrame = false;
  };
  let loop: ReturnType<typeof setInterval> | undefined;
  const cy = {
    destroyed: () => false,
    renderer: () => r,
    on: (event: string, fn: () => void) => void listeners.set(event, fn),
    removeListener: (event: string) => void listeners.delete(event),
    emit: (event: string) => listeners.get(event)?.(),
    zoom: () => zoom,
  } as unknown as Core;
  return {
    cy,
    r,
    ltc,
    log,
    drawn: () => drawn,
    /** Frames from now on, one every macrotask turn. */
    startFrames: () => void (loop = setInterval(frame, 0)),
    stopFrames: () => clearInterval(loop),
    setZoom: (z: number) => void (zoom = z),
    /** An element restyled: the bitmap is thrown away (Cytoscape's invalidateLayer), to be made again. */
    invalidate: () => {
      ltc.layersByLevel[0] = [];
      queued = drawn = drawnAtRead = 0;
    },
  };
}
