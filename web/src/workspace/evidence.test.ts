import { describe, expect, it } from 'vitest';
import { emptyDoc } from './doc';
import { base64Bytes, evidenceArgs, shortFingerprint } from './evidence';

const saved = { id: 'inv:1', name: 'A', version: 2, updatedAt: '2026-01-01T00:00:00Z', updatedBy: 'u' };

describe('evidence export arguments', () => {
  it('names the saved investigation when the canvas is as saved', () => {
    expect(evidenceArgs({ saved, dirty: false, doc: emptyDoc(), name: 'A' })).toEqual({ investigationId: 'inv:1' });
  });

  it('sends the canvas as it is when it changed since saving, or was never saved', () => {
    const doc = emptyDoc();
    expect(evidenceArgs({ saved, dirty: true, doc, name: ' B ' })).toEqual({ document: { format: 'case-linkage-canvas', version: 1, doc }, name: 'B' });
    expect(evidenceArgs({ saved: null, dirty: false, doc, name: '' })).toEqual({ document: { format: 'case-linkage-canvas', version: 1, doc }, name: null });
  });

  it('decodes the zip and shortens the key fingerprint', () => {
    expect([...base64Bytes('UEsDBA==')]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(shortFingerprint('972053e0ab4eb06a815fb81aa2af1f72')).toBe('9720 53e0 ab4e b06a');
  });
});
