import type { SavedMeta } from './use-investigation';
import { serializeDoc, type CanvasDoc } from './doc';

/**
 * What an evidence export asks for: the saved investigation when the canvas is as saved (the
 * server reads the stored record), the canvas as it is now when it was never saved or has
 * changed since.
 */
export function evidenceArgs(a: { saved: SavedMeta | null; dirty: boolean; doc: CanvasDoc; name: string }) {
  if (a.saved && !a.dirty) return { investigationId: a.saved.id };
  return { document: serializeDoc(a.doc) as unknown as Record<string, unknown>, name: a.name.trim() || null };
}

/** The zip the API sends as base64, as bytes to download. */
export function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** A fingerprint short enough to read out: its first 16 hex digits in groups of four. */
export const shortFingerprint = (hex: string) => hex.slice(0, 16).replace(/(.{4})(?!$)/g, '$1 ');
