import { existsSync, readFileSync } from 'node:fs';
import { Command } from 'commander';
import { readPackage, verifyPackage } from '../export/verify';

const program = new Command()
  .name('npm run verify-export --')
  .description('Check an evidence package (its folder or its zip): every file against the SHA-256 in manifest.json, and the manifest’s Ed25519 signature. Names every file that fails; exits 1 if any does.')
  .argument('<dir>', 'the package folder, or its .zip')
  .option('--key <key>', 'the public key the package must be signed with (base64, a PEM file, or a file holding either): `npm run export:key` on the exporting server')
  .action((dir: string, opts: { key?: string }) => {
    if (!existsSync(dir)) program.error(`${dir}: no such file or folder`, { exitCode: 2 });
    const raw = opts.key && existsSync(opts.key) ? readFileSync(opts.key, 'utf8') : opts.key;
    const expectedKey = raw?.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
    const result = verifyPackage(readPackage(dir), { expectedKey });
    for (const name of result.checked) console.log(`ok      ${name}`);
    for (const f of result.failures) console.log(`FAILED  ${f.file}: ${f.problem}`);
    if (result.ok) console.log(`verified: ${result.checked.length} files and the signature of key ${result.fingerprint}`);
    else {
      console.error(`NOT VERIFIED: ${[...new Set(result.failures.map((f) => f.file))].join(', ')}`);
      process.exitCode = 1;
    }
  });

program.parse();
