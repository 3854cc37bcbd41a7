/**
 * Canvas or WebGL. Cytoscape's WebGL renderer is only faster with a hardware GPU: under a
 * software GL (SwiftShader, llvmpipe — what a server, a VM or a locked-down workstation has)
 * issue 5 measured it 30× slower than the canvas renderer. So WebGL is chosen only when the
 * browser's GL is hardware: the unmasked renderer string does not name a software rasteriser
 * and a context asked with `failIfMajorPerformanceCaveat` is granted.
 */
import type { CytoscapeOptions } from 'cytoscape';
import { LARGE_GRAPH } from './style';

export interface GlProbe {
  webgl: boolean;
  /** UNMASKED_RENDERER_WEBGL (or RENDERER when the debug extension is withheld). */
  renderer?: string;
  /** True when the browser would only give a context with a major performance caveat (software). */
  caveat?: boolean;
}

export interface RendererChoice {
  webgl: boolean;
  reason: string;
}

const SOFTWARE = /swiftshader|llvmpipe|softpipe|lavapipe|software|basic render driver|microsoft basic render|mesa offscreen|gdi generic/i;

export function isSoftwareRenderer(renderer: string): boolean {
  return SOFTWARE.test(renderer);
}

/** Asks the browser's WebGL who renders. Outside a browser: no WebGL. */
export function probe(): GlProbe {
  if (typeof document === 'undefined') return { webgl: false };
  const canvas = document.createElement('canvas');
  const gl = (canvas.getContext('webgl') ?? canvas.getContext('experimental-webgl')) as WebGLRenderingContext | null;
  if (!gl) return { webgl: false };
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  const strict = document.createElement('canvas').getContext('webgl', { failIfMajorPerformanceCaveat: true }) as WebGLRenderingContext | null;
  strict?.getExtension('WEBGL_lose_context')?.loseContext();
  return { webgl: true, renderer, caveat: strict === null };
}

export function chooseRenderer(p: GlProbe): RendererChoice {
  if (!p.webgl) return { webgl: false, reason: 'no WebGL' };
  if (p.renderer && isSoftwareRenderer(p.renderer)) return { webgl: false, reason: `software GL (${p.renderer})` };
  if (p.caveat) return { webgl: false, reason: `WebGL with a major performance caveat (${p.renderer ?? 'unknown renderer'})` };
  return { webgl: true, reason: `hardware GL (${p.renderer ?? 'unknown renderer'})` };
}

/**
 * Cytoscape init options for the renderer and the viewport optimisations: while the user pans or
 * zooms, draw a texture of the view (`textureOnViewport`) and no labels; for a large graph also no
 * edges. `expectedElements` is what the canvas may grow to (its options are fixed at creation).
 */
export function cyRenderOptions(choice: RendererChoice, expectedElements = 0): Partial<CytoscapeOptions> {
  return {
    webgl: choice.webgl,
    textureOnViewport: !choice.webgl,
    hideLabelsOnViewport: true,
    hideEdgesOnViewport: expectedElements > LARGE_GRAPH,
    motionBlur: false,
    pixelRatio: 1,
  };
}
