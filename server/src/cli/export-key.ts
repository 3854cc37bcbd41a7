import { loadConfig } from '../config';
import { exportKeyDir, loadOrCreateExportKey } from '../export/keys';

/** `npm run export:key`: the public key evidence manifests are signed with (made if the server has none yet). */
const key = loadOrCreateExportKey(exportKeyDir(loadConfig().dataDir));
console.log(key.publicKeyPem.trim());
console.log(`base64:      ${key.publicKeyBase64}`);
console.log(`fingerprint: ${key.fingerprint} (SHA-256 of the DER key)`);
