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

export const SubgraphQuery = graphql(
  `
  query Subgraph($ids: [ID!]!) { subgraph(ids: $ids) { nodes { ...NodeFields } links { ...LinkFields } } }
`,
  [NodeFields, LinkFields],
);

export const LinkedCasesQuery = graphql(
  `
  query LinkedCases($caseId: ID!) {
    linkedCases(caseId: $caseId) {
      case { id caption }
      linked {
        caseId
        case { id caption category reportedAt }
        shared { id label caption }
        score
        linked
        reasons { kind weight label cases days detail identifier { id caption } }
        judgement { verdict reason judgedBy judgedAt }
      }
      nodes { ...NodeFields }
      links { ...LinkFields }
    }
  }
`,
  [NodeFields, LinkFields],
);

export const JudgeCaseLinkMutation = graphql(`
  mutation JudgeCaseLink($caseA: ID!, $caseB: ID!, $verdict: LinkVerdict!, $reason: String) {
    judgeCaseLink(caseA: $caseA, caseB: $caseB, verdict: $verdict, reason: $reason) { id verdict }
  }
`);

export const CaseSeriesQuery = graphql(`
  query CaseSeries($limit: Int, $offset: Int) {
    caseSeries(limit: $limit, offset: $offset) {
      total
      offset
      series {
        id
        size
        caseIds
        keyIdentifiers { id label cases caseCount node { id caption } }
        identifierCount
        confirmedLinks
        categories
        from
        to
      }
    }
  }
`);

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
  query MoneyTrail($caseId: ID, $cardIds: [ID!], $after: DateTime, $depth: Int) {
    moneyTrail(caseId: $caseId, cardIds: $cardIds, after: $after, depth: $depth) {
      cards { cardId layer amount remaining frozen }
      freezeList { cardId layer amount since }
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
      members { layer recorded confidence evidence { rule layer ids } since person { ...NodeFields } }
      reportsTo { from to }
      nodes { ...NodeFields }
      links { ...LinkFields }
    }
  }
`,
  [NodeFields, LinkFields],
);

/** Which of the demo stories' first nodes the viewer can see, and the agencies' names to say who holds the others. */
export const StoryAccessQuery = graphql(`
  query StoryAccess($ids: [ID!]!) {
    nodes(ids: $ids) { id }
    agencies { id name }
  }
`);

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

export const ReportStatsQuery = graphql(`
  query ReportStats($from: DateTime, $to: DateTime) {
    stats(from: $from, to: $to) {
      cases { cases loss stopped returned }
      suspects
      frozenCards
      frozenAmount
      byCategory { key cases loss }
      byChannel { key cases loss }
      byProvince { key cases loss }
      byStatus { key cases }
      byMonth { key cases loss }
    }
  }
`);

export const CasesQuery = graphql(`
  query Cases($from: DateTime, $to: DateTime, $month: String, $province: String, $category: CaseCategory, $channel: Channel, $status: CaseStatus, $having: CaseFigure, $limit: Int, $offset: Int) {
    cases(from: $from, to: $to, month: $month, province: $province, category: $category, channel: $channel, status: $status, having: $having, limit: $limit, offset: $offset) {
      total
      cases { id caption caseNo category channel status province reportedAt loss stopped returned }
    }
  }
`);

export const EarlyWarningsQuery = graphql(`
  query EarlyWarnings($gangId: ID, $limit: Int) {
    earlyWarnings(gangId: $gangId, limit: $limit) {
      rank
      score
      calls
      seconds
      messages
      lastAt
      node { id label caption }
      identifiers { id label caption }
      contactedBy { id label caption }
      reasons { code count seconds at company }
    }
  }
`);

export const ExportEvidenceMutation = graphql(`
  mutation ExportEvidence($investigationId: ID, $document: JSON, $name: String) {
    exportEvidence(investigationId: $investigationId, document: $document, name: $name) {
      fileName
      zipBase64
      unsupportedLinks
      files { name }
    }
  }
`);

export const ExportKeyQuery = graphql(`
  query ExportKey { exportKey { publicKey fingerprint } }
`);

export const SheetMappingsQuery = graphql(`
  query SheetMappings {
    sheetMappings { name kind builtIn agency }
  }
`);

export const SaveSheetMappingMutation = graphql(`
  mutation SaveSheetMapping($mapping: SheetMappingInput!) {
    saveSheetMapping(mapping: $mapping) { name kind agency }
  }
`);

export const PreviewSheetMutation = graphql(`
  mutation PreviewSheet($file: File!, $mapping: String, $draft: SheetMappingInput) {
    previewSheet(file: $file, mapping: $mapping, draft: $draft, rows: 20) {
      sheets { sheet mapping headerRow rows header }
      columns { sheet field header }
      rows { sheet row skipped link { type from to key amount at seconds } related { type from to } error { column value reason } }
      errors { sheet row column reason }
    }
  }
`);

export const ImportBundleMutation = graphql(`
  mutation ImportBundle($file: File) {
    importBundle(file: $file) { lines records nodesCreated nodesUpdated linksCreated linksUpdated sourcesCreated }
  }
`);

export const ImportSheetMutation = graphql(`
  mutation ImportSheet($file: File!, $mapping: String, $onError: SheetOnRowError) {
    importSheet(file: $file, mapping: $mapping, onError: $onError) {
      file source rows imported skipped errorCount stopped badRows
      nodesCreated linksCreated linksUpdated
      sheets { sheet mapping headerRow rows }
      errors { sheet row column value reason }
    }
  }
`);
