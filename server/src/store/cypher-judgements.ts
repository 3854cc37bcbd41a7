import { randomUUID } from 'node:crypto';
import { LINK_VERDICTS, type CaseLinkJudgement, type LinkVerdict, type Viewer } from '../domain/types';
import { JUDGEMENT_LIMITS as LIMITS, JudgementError, type JudgementDraft, type JudgementStore } from './judgements';
import type { CypherRunner, Row } from './runner';
import { decodeOwners, encodeOwners, viewerParams } from './visibility';

/** Who may see a judgement, as query parameters (as for investigations, cypher-investigations.ts). */
function accessParams(viewer: Viewer): { userId: string; scoped: boolean; agencyPattern: string } {
  const scoped = viewer.agencies.length > 0;
  return { userId: viewer.userId, scoped, agencyPattern: scoped ? viewerParams(viewer).ownerPattern : '' };
}

function toJudgement(row: Row): CaseLinkJudgement {
  return {
    id: row.id as string,
    caseA: row.caseA as string,
    caseB: row.caseB as string,
    verdict: row.verdict as LinkVerdict,
    reason: row.reason as string,
    judgedBy: row.judgedBy as string,
    judgedAt: row.judgedAt as string,
    agencies: decodeOwners(row.agencies),
  };
}

/** The JudgementStore half of the port, over any engine that runs the queries in cypher/. */
export class CypherJudgements implements JudgementStore {
  private last = 0;
  /**
   * With `remember` (the embedded engine, which this process alone writes): the cases some
   * judgement names, so that asking about cases no judgement names (almost every linkedCases
   * call) costs no query on the one connection. Forgotten before and after each judgement is
   * written; an answer read across a write is not kept.
   */
  private judged: Promise<Set<string>> | null = null;
  private writes = 0;

  constructor(
    private readonly runner: CypherRunner,
    private readonly remember = false,
  ) {}

  private judgedCases(): Promise<Set<string>> {
    if (this.judged) return this.judged;
    const writes = this.writes;
    const judged = this.runner.read('judgement-cases', {}).then((rows) => new Set(rows.flatMap((r) => [r.caseA as string, r.caseB as string])));
    this.judged = judged;
    judged.then(
      () => this.writes !== writes && this.judged === judged && (this.judged = null),
      () => this.judged === judged && (this.judged = null),
    );
    return judged;
  }

  async judgeCaseLink(viewer: Viewer, draft: JudgementDraft): Promise<CaseLinkJudgement> {
    const reason = draft.reason.trim();
    if (reason.length === 0) throw new JudgementError('reason: say why the cases are or are not linked.', 'reason');
    if (reason.length > LIMITS.reasonLength) throw new JudgementError(`reason: at most ${LIMITS.reasonLength} characters (got ${reason.length}).`, 'reason');
    if (!LINK_VERDICTS.includes(draft.verdict)) throw new JudgementError(`verdict: one of ${LINK_VERDICTS.join(', ')}.`, 'verdict');
    if (draft.caseA === draft.caseB) throw new JudgementError('caseB: a case cannot be linked to itself.', 'caseB');
    const [caseA, caseB] = draft.caseA < draft.caseB ? [draft.caseA, draft.caseB] : [draft.caseB, draft.caseA];
    const params = { id: `judgement:${randomUUID()}`, caseA, caseB, verdict: draft.verdict, reason, userId: viewer.userId, now: this.now(), judgedUnder: encodeOwners(viewer.agencies) };
    this.writes++;
    this.judged = null;
    let row: Row | undefined;
    try {
      [row] = await this.runner.writeQuery('judgement-create', params);
    } finally {
      this.writes++;
      this.judged = null;
    }
    if (!row) throw new Error(`judgement ${params.id} not readable after create`);
    return toJudgement(row);
  }

  async caseLinkJudgements(viewer: Viewer, options: { caseIds?: string[] }): Promise<CaseLinkJudgement[]> {
    const caseIds = options.caseIds ? [...new Set(options.caseIds)] : [];
    if (options.caseIds && caseIds.length === 0) return [];
    if (this.remember && options.caseIds) {
      const judged = await this.judgedCases();
      if (!caseIds.some((id) => judged.has(id))) return [];
    }
    // Kuzu 0.11 crashes on an empty list parameter: with every pair asked, the list is a placeholder.
    const rows = await this.runner.read('judgement-list', { ...accessParams(viewer), everyPair: !options.caseIds, caseIds: options.caseIds ? caseIds : [''], limit: LIMITS.read });
    return rows.map(toJudgement).reverse();
  }

  /** Judgement times strictly increase within this process, so the later of two judgements wins. */
  private now(): string {
    this.last = Math.max(Date.now(), this.last + 1);
    return new Date(this.last).toISOString();
  }
}
