import cytoscape, { type Core, type ElementDefinition, type EventObject } from 'cytoscape';
import cytoscapeSvg from 'cytoscape-svg';
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { chooseRenderer, cyRenderOptions, probe, type RendererChoice } from '../graph/renderer';
import { glyphImages } from '../graph/glyphs';
import { hoverShowsTip, hoverTip, type HoverTip } from '../graph/hover-tip';
import { LARGE_GRAPH } from '../graph/style';
import { keepLayersWarm, panOnLayers } from '../graph/warm-layers';
import { applyView, collect } from './canvas-apply';
import { canvasStylesheet } from './canvas-style';
import { pngScale } from './export';
import type { Position } from './doc';
import { isDecoration } from './view';

cytoscape.use(cytoscapeSvg);

export interface CanvasApi {
  fit(ids?: readonly string[]): void;
  png(): Promise<Blob>;
  svg(): string;
  /** Selects these elements only. */
  select(ids: readonly string[]): void;
  /** Where a node is drawn on the page, for menus opened from the keyboard. */
  clientPosition(id: string): { x: number; y: number } | undefined;
}

export interface CanvasProps {
  elements: readonly ElementDefinition[];
  /** Fits the view to the graph whenever this changes (after a layout or an opened investigation). */
  fitKey: number;
  label: string;
  onSelect(ids: string[]): void;
  /** A double-click (or double-tap) on a node. */
  onActivate(id: string): void;
  /** A right-click (or long press) on a node, at a point of the page. */
  onMenu(id: string, at: { x: number; y: number }): void;
  onMoved(positions: Record<string, Position>): void;
}

declare global {
  interface Window {
    /** The canvas's Cytoscape instance: a hook for debugging and the browser tests. */
    caseLinkage?: { cy: Core };
  }
}

let choice: RendererChoice | undefined;
/** WebGL only on a hardware GPU (graph/renderer.ts); probed once, it costs a GL context. */
const rendererChoice = () => (choice ??= chooseRenderer(probe()));

/** Fitting never zooms in further than this: one node should not fill the screen. */
const FIT_MAX_ZOOM = 1.5;

function fitView(cy: Core, eles?: cytoscape.CollectionArgument) {
  cy.fit(eles, 40);
  if (cy.zoom() > FIT_MAX_ZOOM) {
    cy.zoom(FIT_MAX_ZOOM);
    cy.center(eles);
  }
}

/**
 * The Cytoscape canvas: creates the instance once, applies each new view as a diff inside one
 * batch, and reports what the user does with it. It decides nothing: positions, layouts and
 * every change live in the workspace's document.
 */
export const Canvas = forwardRef<CanvasApi, CanvasProps>(function Canvas({ elements, fitKey, label, onSelect, onActivate, onMenu, onMoved }, ref) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const [tip, setTip] = useState<HoverTip | null>(null);
  const shown = useRef<readonly ElementDefinition[]>([]);
  const large = useRef(false);
  /** The icons' bitmaps (graph/glyphs.ts), once drawn; the SVG icons until then. */
  const images = useRef<Record<string, string> | undefined>(undefined);
  const fitted = useRef(0);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const alive = useRef(new AbortController());
  const handlers = useRef({ onSelect, onActivate, onMenu, onMoved });
  handlers.current = { onSelect, onActivate, onMenu, onMoved };

  useEffect(() => {
    const cy = cytoscape({
      container: container.current,
      style: canvasStylesheet({ large: false }),
      elements: [],
      minZoom: 0.03,
      maxZoom: 4,
      boxSelectionEnabled: true,
      ...cyRenderOptions(rendererChoice(), 0),
    });
    cyRef.current = cy;
    window.caseLinkage = { cy };
    // Large graphs pan by drawing one bitmap once it is ready, by code or by mouse (graph/warm-layers.ts).
    const stopWarming = keepLayersWarm(cy);
    const stopPanning = panOnLayers(cy);
    void glyphImages().then((bitmaps) => {
      if (cy.destroyed()) return;
      images.current = bitmaps;
      cy.style(canvasStylesheet({ large: large.current, images: bitmaps }));
    });
    let selectTimer = 0;
    cy.on('select unselect', () => {
      clearTimeout(selectTimer);
      selectTimer = window.setTimeout(() => handlers.current.onSelect(cy.$(':selected').map((e) => e.id()).filter((id) => !isDecoration(id))), 0);
    });
    cy.on('dbltap', 'node', (e: EventObject) => !isDecoration(e.target.id()) && handlers.current.onActivate(e.target.id()));
    cy.on('cxttap', 'node', (e: EventObject) => {
      if (isDecoration(e.target.id())) return;
      const box = container.current!.getBoundingClientRect();
      handlers.current.onMenu(e.target.id(), { x: box.left + e.renderedPosition.x, y: box.top + e.renderedPosition.y });
    });
    let moved: Record<string, Position> = {};
    let moveTimer = 0;
    cy.on('dragfree', 'node', (e: EventObject) => {
      const { x, y } = e.target.position();
      moved[e.target.id()] = { x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 };
      clearTimeout(moveTimer);
      moveTimer = window.setTimeout(() => {
        const batch = moved;
        moved = {};
        handlers.current.onMoved(batch);
      }, 0);
    });
    // Cytoscape caches where its container is; panels and notices around it move and resize it.
    const resized = new ResizeObserver(() => cy.resize());
    resized.observe(container.current!);
    // A hovered element's label: drawn on the canvas, or in a large graph a tip over it (hover-tip.ts).
    cy.on('mouseover', 'node, edge', (e: EventObject) => {
      const el = e.target;
      if (!hoverShowsTip(cy.elements().length)) return void el.addClass('show-label');
      const box = el.isNode() ? el.renderedBoundingBox({ includeLabels: false, includeOverlays: false }) : null;
      setTip(hoverTip(el.data('text'), box ? { x: (box.x1 + box.x2) / 2, y: box.y2 + 4 } : el.renderedMidpoint()));
    });
    cy.on('mouseout', 'node, edge', (e: EventObject) => {
      if (e.target.hasClass('show-label')) e.target.removeClass('show-label');
      setTip(null);
    });
    cy.on('viewport remove', () => setTip(null));
    return () => {
      alive.current.abort();
      alive.current = new AbortController();
      resized.disconnect();
      stopWarming();
      stopPanning();
      clearTimeout(selectTimer);
      clearTimeout(moveTimer);
      cy.destroy();
      cyRef.current = null;
      if (window.caseLinkage?.cy === cy) delete window.caseLinkage;
    };
  }, []);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const isLarge = elements.length > LARGE_GRAPH;
    if (isLarge !== large.current) {
      large.current = isLarge;
      cy.style(canvasStylesheet({ large: isLarge, images: images.current }));
      // Cytoscape reads its viewport options once, at creation; the renderer keeps this one as a
      // field it reads on every frame, so a canvas that grew large stops drawing edges while panning.
      const renderer = (cy as unknown as { renderer(): { hideEdgesOnViewport?: boolean } }).renderer();
      renderer.hideEdgesOnViewport = cyRenderOptions(rendererChoice(), elements.length).hideEdgesOnViewport ?? false;
    }
    const prev = shown.current;
    shown.current = elements;
    const fit = elements.length > 0 && (prev.length === 0 || fitted.current !== fitKey);
    fitted.current = fitKey;
    // Views apply one after another: a big one adds its elements over several frames.
    queue.current = queue.current.then(() =>
      applyView(cy, prev, elements, alive.current.signal, {
        beforeShow: () => {
          if (fit) fitView(cy);
        },
      }),
    );
  }, [elements, fitKey]);

  useImperativeHandle(
    ref,
    () => ({
      fit(ids) {
        const cy = cyRef.current;
        if (!cy) return;
        fitView(cy, ids?.length ? collect(cy, ids) : cy.elements(':visible'));
      },
      async png() {
        const cy = cyRef.current!;
        return cy.png({ output: 'blob-promise', full: true, scale: pngScale(cy.elements().boundingBox()), bg: '#ffffff' });
      },
      svg() {
        return cyRef.current!.svg({ full: true, scale: 1, bg: '#ffffff' });
      },
      select(ids) {
        const cy = cyRef.current;
        if (!cy) return;
        cy.batch(() => {
          cy.$(':selected').unselect();
          for (const id of ids) cy.getElementById(id).select();
        });
      },
      clientPosition(id) {
        const el = cyRef.current?.getElementById(id);
        if (!el || el.empty() || !el.isNode()) return undefined;
        const box = container.current!.getBoundingClientRect();
        const p = el.renderedPosition();
        return { x: box.left + p.x, y: box.top + p.y };
      },
    }),
    [],
  );

  return (
    <>
      <div ref={container} className="canvas" role="region" aria-label={label} tabIndex={0} data-testid="canvas" />
      {tip && (
        <div className="hover-tip" role="tooltip" data-testid="hover-tip" style={{ left: tip.left, top: tip.top }}>
          {tip.text}
        </div>
      )}
    </>
  );
});
