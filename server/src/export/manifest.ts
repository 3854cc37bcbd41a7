import { createHash, createPublicKey, sign, verify } from 'node:crypto';
import type { ExportKey } from './keys';

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_FORMAT = 'case-linkage-evidence-package';

export interface ManifestFile {
  name: string;
  bytes: number;
  sha256: string;
}

/** What manifest.json says, before it is signed. */
export interface ManifestBody {
  format: typeof MANIFEST_FORMAT;
  version: 1;
  investigation: { id: string | null; name: string };
  /** The time the data is as of. */
  asOf: string;
  /** When the package was made: with the signature, the only thing two exports as of one time differ in. */
  exportedAt: string;
  exportedBy: { userId: string; agencies: string[]; role: string };
  strict: boolean;
  counts: { nodes: number; links: number; sources: number; unsupportedLinks: number; revealedValues: number };
  files: ManifestFile[];
}

export interface Manifest extends ManifestBody {
  /**
   * Ed25519 over the UTF-8 bytes of `JSON.stringify(body)`, where body is this object without
   * `signature`, its keys in the order written (JSON.parse keeps them, so a verifier parses the
   * file, takes `signature` out and stringifies the rest).
   */
  signature: { algorithm: 'Ed25519'; publicKey: string; fingerprint: string; value: string };
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export function describeFile(name: string, bytes: Uint8Array): ManifestFile {
  return { name, bytes: bytes.byteLength, sha256: sha256(bytes) };
}

export function signManifest(body: ManifestBody, key: ExportKey): Manifest {
  const value = sign(null, Buffer.from(JSON.stringify(body), 'utf8'), key.privateKey).toString('base64');
  return { ...body, signature: { algorithm: 'Ed25519', publicKey: key.publicKeyBase64, fingerprint: key.fingerprint, value } };
}

export const manifestBytes = (manifest: Manifest) => Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');

/** Whether a parsed manifest's signature holds for its own public key; a malformed signature or key is false. */
export function signatureHolds(manifest: Record<string, unknown>): boolean {
  const { signature, ...body } = manifest as unknown as Manifest;
  if (!signature || signature.algorithm !== 'Ed25519' || typeof signature.publicKey !== 'string' || typeof signature.value !== 'string') return false;
  try {
    const key = createPublicKey({ key: Buffer.from(signature.publicKey, 'base64'), format: 'der', type: 'spki' });
    return verify(null, Buffer.from(JSON.stringify(body), 'utf8'), key, Buffer.from(signature.value, 'base64'));
  } catch {
    return false;
  }
}
