import { resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { ConfigError, loadConfig } from '../config';
import { ROLES, type ApiViewer, type Role } from '../api/viewer';
import { AuditLog } from '../auth/audit-log';
import { exportAudit } from '../auth/export-audit';
import { loadOrCreateSecret } from '../auth/secret';
import { exportKeyDir, loadOrCreateExportKey } from '../export/keys';
import { buildEvidencePackage, UnsupportedLinksError, writeEvidencePackage } from '../export/package';
import { ExportInputError, exportSubject } from '../export/source';
import { StoreLockedError } from '../store/graph-store';
import { openStore } from '../store/open-store';
import { assertAgencyId } from '../store/visibility';

const agencies = (value: string) =>
  value.split(',').map((a) => {
    try {
      assertAgencyId(a.trim());
    } catch {
      throw new InvalidArgumentError(`${a}: an agency id is 1-64 letters, digits, or _ . : -`);
    }
    return a.trim();
  });

const instant = (value: string) => {
  if (Number.isNaN(Date.parse(value)) || !/[Zz]|[+-]\d\d:\d\d$/.test(value)) throw new InvalidArgumentError('must be ISO 8601 with an offset, e.g. 2026-03-10T10:00:00+08:00');
  return new Date(value).toISOString();
};

const program = new Command()
  .name('npm run export --')
  .description('Export the evidence package of a saved investigation: DIR/ with map.pdf, map.svg, map.png, graph.graphml, graph.cy.json, bundle.ndjson, links.csv, nodes.csv, chart.anx and a signed manifest.json, and DIR.zip beside it.')
  .requiredOption('--investigation <id>', 'the saved investigation (inv:...)')
  .requiredOption('--out <dir>', 'the folder to write (replaced if it exists)')
  .requiredOption('--agencies <ids>', 'the agencies exporting, comma-separated: only their records are exported', agencies)
  .option('--user <name>', 'who exports, as the manifest records it', process.env.USER ?? 'cli')
  .option('--role <role>', `${ROLES.join(', ')}: which sensitive values are shown (each shown value is audited)`, 'ANALYST')
  .option('--as-of <time>', 'leave out what was recorded after this instant (default now)', instant)
  .option('--strict', 'refuse when a link shown has no source')
  .option('--page <size>', 'A3 or A4, landscape', 'A3')
  .action(async (opts: { investigation: string; out: string; agencies: string[]; user: string; role: string; asOf?: string; strict?: boolean; page: string }) => {
    const role = opts.role.toUpperCase();
    if (!(ROLES as readonly string[]).includes(role)) program.error(`--role: must be one of ${ROLES.join(', ')}`, { exitCode: 2 });
    if (opts.page !== 'A3' && opts.page !== 'A4') program.error('--page: must be A3 or A4', { exitCode: 2 });
    const config = loadConfig();
    const key = loadOrCreateExportKey(exportKeyDir(config.dataDir));
    const store = await openStore(config);
    const viewer: ApiViewer = { agencies: opts.agencies, userId: opts.user, role: role as Role, agency: opts.agencies[0] ?? '', name: opts.user, sessionId: 'cli' };
    try {
      const subject = await exportSubject(store, viewer, { investigationId: opts.investigation });
      const pkg = await buildEvidencePackage(store, viewer, { ...subject, asOf: opts.asOf, strict: opts.strict, pageSize: opts.page as 'A3' | 'A4' }, { key, audit: exportAudit(new AuditLog(store.accounts, loadOrCreateSecret(config.dataDir))) });
      const out = writeEvidencePackage(pkg, resolve(opts.out));
      const c = pkg.manifest.counts;
      console.log(`${out.dir}: ${pkg.files.length} files, ${c.nodes} nodes, ${c.links} links (${c.unsupportedLinks} without a source), as of ${pkg.manifest.asOf}`);
      console.log(`${out.zip}`);
      console.log(`signed with Ed25519 key ${key.fingerprint}`);
    } catch (error) {
      if (error instanceof ExportInputError || error instanceof UnsupportedLinksError) {
        console.error(error.message);
        process.exitCode = 1;
        return;
      }
      throw error;
    } finally {
      await store.close();
    }
  });

program.parseAsync().catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof StoreLockedError ? `Cannot export: ${error.message}` : error);
  process.exit(1);
});
