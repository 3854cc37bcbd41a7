import { describe, expect, it } from 'vitest';
import { addSubgraph, hide, setFlag, setTimeWindow } from './commands';
import { DocFormatError, elementCount, emptyDoc, parseDoc, serializeDoc } from './doc';

describe('the canvas document', () => {
  it('survives saving and reopening unchanged', () => {
    let doc = addSubgraph(emptyDoc(), {
      nodes: [
        { id: 'phone:+8617093073001', label: 'Phone', caption: '+8617093073001' },
        { id: 'person:a', label: 'Person', caption: '陈文杰' },
      ],
      links: [{ id: 'USES:person:a:phone:+8617093073001:', type: 'USES', from: 'person:a', to: 'phone:+8617093073001' }],
    });
    doc = setTimeWindow(setFlag(hide(doc, ['person:a']), 'pinned', ['phone:+8617093073001'], true), { from: 1, to: 2 });
    doc = { ...doc, layout: 'hierarchy', groupByLabel: true };
    const reopened = parseDoc(JSON.parse(JSON.stringify(serializeDoc(doc))));
    expect(reopened).toEqual(doc);
    expect(elementCount(reopened)).toBe(3);
  });

  it('refuses what is not a canvas document, or a version it does not know', () => {
    expect(() => parseDoc({ hello: 1 })).toThrow(DocFormatError);
    expect(() => parseDoc('text')).toThrow(DocFormatError);
    expect(() => parseDoc({ format: 'case-linkage-canvas', version: 2, doc: {} })).toThrow('version 2 is not supported');
  });

  it('fills what an older or partial document lacks with the empty document', () => {
    expect(parseDoc({ format: 'case-linkage-canvas', version: 1, doc: { layout: 'sideways', positions: { a: { x: 'no' } } } })).toEqual(emptyDoc());
  });
});
