import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The server's Ed25519 key that signs evidence manifests. */
export interface ExportKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The public key as base64 SubjectPublicKeyInfo DER: what manifests carry and the app shows. */
  publicKeyBase64: string;
  publicKeyPem: string;
  /** SHA-256 of the DER public key, hex: short enough to read out over the phone. */
  fingerprint: string;
}

export const EXPORT_KEY_FILE = 'export-ed25519.pem';

export function exportKeyOf(privateKey: KeyObject): ExportKey {
  const publicKey = createPublicKey(privateKey);
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return {
    privateKey,
    publicKey,
    publicKeyBase64: der.toString('base64'),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    fingerprint: createHash('sha256').update(der).digest('hex'),
  };
}

/**
 * The key under `dir` (the data directory's `keys/`), generated on first use and kept as a
 * PKCS#8 PEM readable by its owner only. Losing it means later packages carry a new public key:
 * older packages still verify against the key in their own manifest.
 */
export function loadOrCreateExportKey(dir: string): ExportKey {
  const file = join(dir, EXPORT_KEY_FILE);
  if (existsSync(file)) return exportKeyOf(createPrivateKey(readFileSync(file)));
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync('ed25519');
  writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  return exportKeyOf(privateKey);
}

/** The directory the key lives in, under the data directory. */
export const exportKeyDir = (dataDir: string) => join(dataDir, 'keys');
