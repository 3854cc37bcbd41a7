import type { ExportAudit } from '../export/package';
import type { AuditLog } from './audit-log';

/**
 * Evidence exports and the sensitive values they showed, into the audit trail. The append
 * throws when it cannot be written, and so the export fails: an unrecorded reveal must not happen.
 */
export function exportAudit(log: AuditLog, requestId = ''): ExportAudit {
  return {
    async onExport(e) {
      await log.append({
        userId: e.userId,
        agency: e.agencies[0] ?? '',
        action: 'export',
        objectIds: [e.investigationId ?? '', `sha256:${e.manifestSha256}`].filter(Boolean),
        outcome: 'ok',
        requestId,
        detail: `${e.files} files as of ${e.asOf}, role ${e.role}`,
      });
    },
    async onReveal(e) {
      await log.append({
        userId: e.userId,
        agency: '',
        action: 'export.reveal',
        objectIds: [...new Set(e.reveals.map((r) => r.nodeId))].slice(0, 100),
        outcome: 'ok',
        requestId,
        detail: `${e.reveals.length} sensitive values shown in an evidence export: ${[...new Set(e.reveals.map((r) => r.prop))].join(', ')}`,
      });
    },
  };
}
