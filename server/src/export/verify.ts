import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { MANIFEST_FILE, MANIFEST_FORMAT, sha256, signatureHolds } from './manifest';

export interface VerifyFailure {
  /** The file at fault (manifest.json for the signature). */
  file: string;
  problem: string;
}

export interface VerifyResult {
  ok: boolean;
  failures: VerifyFailure[];
  /** Files whose hash matched. */
  checked: string[];
  fingerprint: string | null;
}

/**
 * Checks a package: manifest.json parses and its Ed25519 signature holds (for the key it
 * carries, and for `expectedKey` when given: the exporting server's `npm run export:key`), every
 * file it lists is present with its size and SHA-256, and nothing else is in the folder.
 */
export function verifyPackage(files: ReadonlyMap<string, Uint8Array>, options: { expectedKey?: string } = {}): VerifyResult {
  const failures: VerifyFailure[] = [];
  const checked: string[] = [];
  const raw = files.get(MANIFEST_FILE);
  if (!raw) return { ok: false, failures: [{ file: MANIFEST_FILE, problem: 'missing' }], checked, fingerprint: null };
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw)) as Record<string, unknown>;
  } catch (error) {
    return { ok: false, failures: [{ file: MANIFEST_FILE, problem: `not valid JSON (${(error as Error).message})` }], checked, fingerprint: null };
  }
  const signature = manifest.signature as { publicKey?: string; fingerprint?: string } | undefined;
  const fingerprint = typeof signature?.publicKey === 'string' ? sha256(Buffer.from(signature.publicKey, 'base64')) : null;
  if (manifest.format !== MANIFEST_FORMAT) failures.push({ file: MANIFEST_FILE, problem: `not an evidence manifest (format ${JSON.stringify(manifest.format)})` });
  // A manifest whose signature fails cannot vouch for its list of files: that is the one failure.
  if (!signatureHolds(manifest)) return { ok: false, failures: [{ file: MANIFEST_FILE, problem: 'the signature does not match its contents' }], checked, fingerprint };
  if (signature?.fingerprint !== fingerprint) failures.push({ file: MANIFEST_FILE, problem: 'the key fingerprint does not match the public key' });
  if (options.expectedKey && signature?.publicKey !== options.expectedKey.replace(/\s+/g, '')) {
    failures.push({ file: MANIFEST_FILE, problem: 'signed by another key than the one expected' });
  }
  const listed = Array.isArray(manifest.files) ? (manifest.files as { name?: unknown; bytes?: unknown; sha256?: unknown }[]) : [];
  if (!Array.isArray(manifest.files)) failures.push({ file: MANIFEST_FILE, problem: 'lists no files' });
  const names = new Set<string>();
  for (const f of listed) {
    const name = String(f.name);
    names.add(name);
    const bytes = files.get(name);
    if (!bytes) failures.push({ file: name, problem: 'missing' });
    else if (bytes.byteLength !== f.bytes || sha256(bytes) !== f.sha256) failures.push({ file: name, problem: 'its SHA-256 does not match the manifest' });
    else checked.push(name);
  }
  for (const name of [...files.keys()].sort()) {
    if (name !== MANIFEST_FILE && !names.has(name)) failures.push({ file: name, problem: 'not listed in the manifest' });
  }
  return { ok: failures.length === 0, failures, checked, fingerprint };
}

/** The files of a package folder, or of its zip (the zip's one top folder stripped). */
export function readPackage(path: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path).sort()) {
      if (statSync(join(path, name)).isFile()) files.set(name, readFileSync(join(path, name)));
    }
    return files;
  }
  for (const [entry, bytes] of Object.entries(unzipSync(readFileSync(path)))) {
    if (entry.endsWith('/')) continue;
    files.set(entry.replace(/^[^/]+\//, ''), bytes);
  }
  return files;
}
