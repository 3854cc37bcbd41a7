import { LinkFields, NodeFields } from './fragments';
import { graphql } from './graphql';

/** Every operation the app sends, typed from server/schema.graphql. */

export const SearchQuery = graphql(`
  query Search($text: String!, $limit: Int) {
    search(text: $text, limit: $limit) { matchedBy node { id label caption } }
  }
`);

export const NeighborhoodQuery = graphql(
  `
  query Neighborhood($ids: [ID!]!, $hops: Int, $labels: [NodeLabel!], $linkTypes: [LinkType!], $limit: Int, $from: DateTime, $to: DateTime) {
    neighborhood(ids: $ids, hops: $hops, labels: $labels, linkTypes: $linkTypes, limit: $limit, from: $from, to: $to) {
      truncated
      beyond { label count }
      nodes { ...NodeFields }
      links { ...LinkFields }
    }
  }
`,
  [NodeFields, LinkFields],
);

export const NodesQuery = graphql(
  `
  query Nodes($ids: [ID!]!) { nodes(ids: $ids) { ...NodeFields } }
`,
  [NodeFields],
);

export const LinkedCasesQuery = graphql(
  `
  query LinkedCases($caseId: ID!) {
    linkedCases(caseId: $caseId) {
      case { id caption }
      linked { caseId case { id caption category reportedAt } shared { id label caption } }
      nodes { ...NodeFields }
      links { ...LinkFields }
    }
  }
`,
  [NodeFields, LinkFields],
);

export const PathsQuery = graphql(
  `
  query Paths($from: ID!, $to: ID!, $maxHops: Int, $k: Int) {
    paths(from: $from, to: $to, maxHops: $maxHops, k: $k) {
      paths { nodeIds linkIds }
      nodes { ...NodeFields }
      links { ...LinkFields }
    }
  }
`,
  [NodeFields, LinkFields],
);

export const MoneyTrailQuery = graphql(
  `
  query MoneyTrail($cardIds: [ID!]!, $after: DateTime, $depth: Int) {
    moneyTrail(cardIds: $cardIds, after: $after, depth: $depth) {
      nodes { ...NodeFields }
      links { ...LinkFields }
    }
  }
`,
  [NodeFields, LinkFields],
);

export const GangQuery = graphql(
  `
  query Gang($id: ID!) {
    gang(id: $id) {
      gang { ...NodeFields }
      members { layer since person { ...NodeFields } }
      reportsTo { from to }
      nodes { ...NodeFields }
      links { ...LinkFields }
    }
  }
`,
  [NodeFields, LinkFields],
);

export const InvestigationsQuery = graphql(`
  query Investigations($limit: Int) {
    investigations(limit: $limit) { id name version elementCount updatedAt updatedBy }
  }
`);

export const InvestigationQuery = graphql(`
  query Investigation($id: ID!) {
    investigation(id: $id) { id name version document elementCount updatedAt updatedBy createdBy }
  }
`);

export const SaveInvestigationMutation = graphql(`
  mutation SaveInvestigation($input: InvestigationInput!) {
    saveInvestigation(input: $input) { id name version updatedAt updatedBy }
  }
`);

export const DeleteInvestigationMutation = graphql(`
  mutation DeleteInvestigation($id: ID!) { deleteInvestigation(id: $id) }
`);
