import { graphql } from '../api/graphql';

/** Deconfliction and requests for access between agencies (issue 7), typed from server/schema.graphql. */

const RequestFields = graphql(`
  fragment AccessRequestFields on AccessRequest {
    id nodeId status reason requestedBy requestedAt decidedBy decidedAt note grantedCases
    requester { id name } holder { id name }
    node { id label caption }
  }
`);

/** Which other agencies hold an identifier, and where this agency's request to each stands. */
export const DeconflictionQuery = graphql(
  `
  query Deconfliction($nodeIds: [ID!]!) {
    deconfliction(nodeIds: $nodeIds) { nodeId holders { agency { id name } request { ...AccessRequestFields } } }
  }
`,
  [RequestFields],
);

export const AccessRequestsQuery = graphql(
  `
  query AccessRequests($direction: AccessRequestDirection!) { accessRequests(direction: $direction) { ...AccessRequestFields } }
`,
  [RequestFields],
);

export const RequestAccessMutation = graphql(
  `
  mutation RequestAccess($nodeId: ID!, $agency: String!, $reason: String!) {
    requestAccess(nodeId: $nodeId, agency: $agency, reason: $reason) { ...AccessRequestFields }
  }
`,
  [RequestFields],
);

export const WithdrawAccessGrantMutation = graphql(
  `
  mutation WithdrawAccessGrant($id: ID!, $note: String) {
    withdrawAccessGrant(id: $id, note: $note) { ...AccessRequestFields }
  }
`,
  [RequestFields],
);

export const DecideAccessRequestMutation = graphql(
  `
  mutation DecideAccessRequest($id: ID!, $grant: Boolean!, $note: String) {
    decideAccessRequest(id: $id, grant: $grant, note: $note) { ...AccessRequestFields }
  }
`,
  [RequestFields],
);
