import { graphql } from '../api/graphql';

/** The audit trail as admins and task-force leads read it (issue 7), typed from server/schema.graphql. */
export const AuditTrailQuery = graphql(`
  query AuditTrail($action: String, $agency: String, $userId: String, $from: DateTime, $to: DateTime, $beforeSeq: Int, $limit: Int) {
    auditTrail(action: $action, agency: $agency, userId: $userId, from: $from, to: $to, beforeSeq: $beforeSeq, limit: $limit) {
      seq at userId agency action objectIds outcome detail requestId hash
    }
  }
`);
