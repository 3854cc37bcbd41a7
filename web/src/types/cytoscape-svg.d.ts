/** cytoscape-svg ships no types: the extension and the `cy.svg()` it adds. */
declare module 'cytoscape-svg' {
  import type { Ext } from 'cytoscape';
  const extension: Ext;
  export default extension;
}

declare namespace cytoscape {
  interface Core {
    svg(options?: { full?: boolean; scale?: number; bg?: string }): string;
  }
}
