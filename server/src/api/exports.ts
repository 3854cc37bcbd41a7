import { ExportInputError, exportSubject, type ExportSource } from '../export/source';
import type { ExportKey } from '../export/keys';
import { buildEvidencePackage, UnsupportedLinksError, type ExportAudit } from '../export/package';
import type { PageSize } from '../export/pdf';
import type { GraphStore } from '../store/graph-store';
import { apiError } from './errors';
import type { ApiViewer } from './viewer';

export interface ExportArgs extends ExportSource {
  asOf?: string | null;
  strict?: boolean | null;
  pageSize?: PageSize | null;
}

export interface ExportDeps {
  /** The server's signing key, loaded (or made) on first use. */
  key: () => ExportKey;
  /** Where exports and reveals are recorded; the audit trail wires it. */
  audit?: ExportAudit;
}

/** Evidence packages: the prosecutor's map of an investigation, signed by the server. */
export function createExportServices(store: GraphStore, deps: ExportDeps) {
  return {
    evidence: async (viewer: ApiViewer, a: ExportArgs) => {
      if (viewer.agencies.length === 0 || viewer.userId === 'anonymous') throw apiError('FORBIDDEN', 'Exporting evidence needs a named user of an agency.');
      try {
        const subject = await exportSubject(store, viewer, a);
        const pkg = await buildEvidencePackage(store, viewer, { ...subject, asOf: a.asOf ?? undefined, strict: a.strict === true, pageSize: a.pageSize ?? 'A3' }, { key: deps.key(), audit: deps.audit });
        return {
          fileName: `${pkg.name}.zip`,
          zipBase64: Buffer.from(pkg.zip).toString('base64'),
          manifest: pkg.manifest,
          files: pkg.manifest.files,
          unsupportedLinks: pkg.manifest.counts.unsupportedLinks,
        };
      } catch (error) {
        if (error instanceof ExportInputError) throw apiError(error.problem === 'not-found' ? 'NOT_FOUND' : 'BAD_INPUT', error.message, { field: error.field });
        if (error instanceof UnsupportedLinksError) throw apiError('BAD_INPUT', `Strict export refused: ${error.message}`, { field: 'strict', links: error.linkIds });
        throw error;
      }
    },

    key: () => {
      const k = deps.key();
      return { algorithm: 'Ed25519', publicKey: k.publicKeyBase64, pem: k.publicKeyPem, fingerprint: k.fingerprint };
    },
  };
}
