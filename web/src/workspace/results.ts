import type { ResultOf } from '../api/graphql';
import type { GangQuery, LinkedCasesQuery, MoneyTrailQuery, PathsQuery } from '../api/operations';
import type { ApiLink, ApiNode } from '../graph/elements';

/** What an analysis found, as its panel lists it (the canvas shows the same elements). */
export type AnalysisResult =
  | { kind: 'linked'; caseId: string; caption: string; linked: ResultOf<typeof LinkedCasesQuery>['linkedCases']['linked'] }
  | { kind: 'paths'; from: string; to: string; maxHops: number; paths: ResultOf<typeof PathsQuery>['paths']['paths'] }
  | {
      kind: 'money';
      seedId: string;
      seedName: string;
      cards: ApiNode[];
      transfers: ApiLink[];
      /** The victim's money on each card, and the cards to freeze first (the server's money trail). */
      trail: Pick<ResultOf<typeof MoneyTrailQuery>['moneyTrail'], 'cards' | 'freezeList'>;
    }
  | { kind: 'gang'; personOrGangId: string; name: string; gang: ResultOf<typeof GangQuery>['gang'] | null };

export type AnalysisKind = AnalysisResult['kind'];

/** Every element id an analysis found, to highlight on the canvas. */
export function resultIds(result: AnalysisResult): string[] {
  switch (result.kind) {
    case 'linked':
      return [result.caseId, ...result.linked.flatMap((l) => [l.caseId, ...l.shared.map((s) => s.id)])];
    case 'paths':
      return [...new Set(result.paths.flatMap((p) => [...p.nodeIds, ...p.linkIds]))];
    case 'money':
      return [result.seedId, ...result.cards.map((c) => c.id), ...result.transfers.map((t) => t.id)];
    case 'gang':
      return result.gang ? [result.gang.gang.id, ...result.gang.members.map((m) => m.person.id)] : [];
  }
}
