import { afterEach, describe, expect, it } from 'vitest';
import cytoscape, { type Core } from 'cytoscape';
import { LABEL_NAMES, LINK_TYPE_NAMES } from '../../../server/src/domain/model';
import { buildStylesheet, LABEL_LOOKS, LINK_LOOKS } from './style';
import { emptyGraph, mergeGraph, toElements } from './elements';
import { FROZEN_BADGE, INFERRED_LAYER_BADGES, LABEL_GLYPHS, LAYER_BADGES } from './glyphs';

/** Relative luminance of a #rrggbb colour: what a greyscale print keeps of it. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

let cy: Core | undefined;
afterEach(() => cy?.destroy());

describe('the stylesheet', () => {
  it('gives every label its own shape and every label its own shape-and-border pair, so greyscale keeps them apart', () => {
    const looks = LABEL_NAMES.map((l) => LABEL_LOOKS[l]);
    expect(new Set(looks.map((l) => l.shape)).size).toBe(LABEL_NAMES.length);
    expect(new Set(looks.map((l) => `${l.borderStyle}/${l.borderWidth}`)).size).toBe(LABEL_NAMES.length);
    expect(new Set(LABEL_NAMES.map((l) => LABEL_GLYPHS[l])).size).toBe(LABEL_NAMES.length);
    const grey = looks.map((l) => luminance(l.fill)).sort((a, b) => a - b);
    const gaps = grey.slice(1).map((g, i) => g - grey[i]!);
    expect(Math.min(...gaps) >= 0.05).toBe(true);
  });

  it('styles every link type', () => {
    expect(Object.keys(LINK_LOOKS).sort()).toEqual([...LINK_TYPE_NAMES].sort());
  });

  it('is read by Cytoscape without dropping a property', () => {
    for (const large of [false, true]) {
      const sheet = buildStylesheet({ large }) as { selector: string; style: Record<string, unknown> }[];
      cy = cytoscape({ headless: true, styleEnabled: true, style: sheet });
      const read = (cy.style() as unknown as { json(): { selector: string; style: Record<string, unknown> }[] }).json();
      expect(read.map((b) => [b.selector, Object.keys(b.style).sort()])).toEqual(sheet.map((b) => [b.selector, Object.keys(b.style).sort()]));
      cy.destroy();
    }
  });

  it('draws layer badges (hollow when inferred), frozen padlocks, money widths and labels only where readable', () => {
    const merged = mergeGraph(emptyGraph(), {
      nodes: [
        { id: 'p:boss', label: 'Person', name: '林' },
        { id: 'p:lead', label: 'Person', name: '陈' },
        { id: 'p:caller', label: 'Person', name: '王' },
        { id: 'card:1', label: 'BankCard', number: '1111', frozen: true },
        { id: 'card:2', label: 'BankCard', number: '2222' },
        { id: 'gang:1', label: 'Gang', name: '7·30' },
      ],
      links: [
        { id: 'm', type: 'MEMBER_OF', from: 'p:boss', to: 'gang:1', layer: 'MANAGEMENT' },
        { id: 'l', type: 'MEMBER_OF', from: 'p:lead', to: 'gang:1', layer: 'CALLER' },
        { id: 'r', type: 'REPORTS_TO', from: 'p:caller', to: 'p:lead' },
        { id: 't', type: 'TRANSFERRED', from: 'card:2', to: 'card:1', amount: '40000000', at: '2024-08-21T10:05:00+08:00' },
      ],
    });
    // The caller's layer as the server inferred it (no MEMBER_OF layer recorded).
    const g = { ...merged, memberLayers: { 'p:caller': 'CALLER' as const }, inferredLayers: { 'p:caller': true as const } };
    cy = cytoscape({ headless: true, styleEnabled: true, style: buildStylesheet(), elements: toElements(g) });
    expect(cy.$id('p:boss').style('background-image')).toBe(`${LABEL_GLYPHS.Person} ${LAYER_BADGES.MANAGEMENT}`);
    expect(cy.$id('card:1').style('background-image')).toBe(`${LABEL_GLYPHS.BankCard} ${FROZEN_BADGE}`);
    expect([cy.$id('card:1').style('border-style'), cy.$id('card:2').style('border-style')]).toEqual(['double', 'solid']);
    expect(cy.$id('t').style('width')).toBe('7.3px');
    expect([cy.$id('t').style('label'), cy.$id('r').style('label')]).toEqual(['40万 · 2024-08-21 10:05', '']);
    expect(cy.$id('p:caller').style('min-zoomed-font-size')).toBe('9px');
    cy.$id('p:caller').addClass('show-label');
    cy.$id('r').select();
    expect([cy.$id('p:caller').style('min-zoomed-font-size'), cy.$id('r').style('label')]).toEqual(['0px', '上级']);
    expect(cy.$id('p:caller').style('background-image')).toBe(`${LABEL_GLYPHS.Person} ${INFERRED_LAYER_BADGES.CALLER}`);
  });

  it('uses solid haystack edges without arrows, and labels only from zoom 1 up, for large graphs', () => {
    const g = mergeGraph(emptyGraph(), { nodes: [{ id: 'a', label: 'Phone' }, { id: 'b', label: 'Phone' }], links: [{ id: 'e', type: 'CALLED', from: 'a', to: 'b' }] });
    cy = cytoscape({ headless: true, styleEnabled: true, style: buildStylesheet({ large: true }), elements: toElements(g) });
    expect([cy.$id('e').style('curve-style'), cy.$id('e').style('target-arrow-shape'), cy.$id('e').style('line-style')]).toEqual(['haystack', 'none', 'solid']);
    // Labels from zoom 1 up (Cytoscape's 2× label bitmaps), not 5–9 px high below it.
    expect([cy.$id('a').style('min-zoomed-font-size'), cy.$id('e').style('min-zoomed-font-size')]).toEqual(['12px', '12px']);
    cy.$id('a').addClass('show-label');
    expect(cy.$id('a').style('min-zoomed-font-size')).toBe('0px');
    cy.$id('e').addClass('highlighted');
    expect([cy.$id('e').style('curve-style'), cy.$id('e').style('target-arrow-shape')]).toEqual(['bezier', 'triangle']);
  });
});

describe('bitmaps for icons', () => {
  it('draws the given bitmap in place of each SVG icon it replaces', () => {
    const images = { [LABEL_GLYPHS.Person]: 'data:image/png;base64,UA==', [LAYER_BADGES.MANAGEMENT]: 'data:image/png;base64,TQ==' };
    const sheet = buildStylesheet({ images }) as { selector: string; style: Record<string, unknown> }[];
    expect(sheet.find((b) => b.selector === 'node.person')?.style['background-image']).toBe('data:image/png;base64,UA==');
    expect(sheet.find((b) => b.selector === 'node.person.layer-management')?.style['background-image']).toEqual(['data:image/png;base64,UA==', 'data:image/png;base64,TQ==']);
    expect(sheet.find((b) => b.selector === 'node.phone')?.style['background-image']).toBe(LABEL_GLYPHS.Phone);
  });
});
