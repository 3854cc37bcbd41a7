import { graphql } from './graphql';

/** Everything the canvas and the details panel show of a node, for every label. */
export const NodeFields = graphql(`
  fragment NodeFields on Node {
    __typename id label caption owners createdAt updatedAt
    ... on Case { caseNo category channel status reportedAt province city district station loss stopped returned summary }
    ... on Person { name idNumber gender birthYear province country aliases }
    ... on BankCard { number bank holderName accountType frozen frozenAt frozenAmount }
    ... on Phone { number carrier homeRegion }
    ... on OnlineAccount { platform handle }
    ... on Device { imei model }
    ... on Gang { name baseCountry baseProvince baseCity }
    ... on Agency { name province level }
  }
`);

/** Everything the canvas and the details panel show of a link, with the evidence it cites. */
export const LinkFields = graphql(`
  fragment LinkFields on Link {
    __typename id type from to key caption owner owners createdAt createdBy sources
    evidence { id type reference collectedAt collectedBy owner sha256 }
    ... on TransferredLink { amount at txId }
    ... on CalledLink { at seconds }
    ... on ContactedLink { at }
    ... on MemberOfLink { layer since }
    ... on InvolvesLink { how }
    ... on KnowsLink { how }
  }
`);
