import type { PropDef } from '../domain/model';
import type { CaseLinkJudgement, LinkVerdict, Viewer } from '../domain/types';

/**
 * Investigators' judgements on case links (串并案 confirmed or rejected): application records
 * beside the graph, behind the same port. Kept, never overwritten: the latest judgement of a
 * pair counts (linkage.ts), the earlier ones stay as its history.
 */

export const JUDGEMENT_LIMITS = {
  reasonLength: 1000,
  /** Judgements one read returns at most: the newest. */
  read: 100_000,
} as const;

/**
 * The stored properties of a judgement, one place for the Kuzu table and the Cypher lint schema.
 * `agencies` is encoded like nodes' owners (`|sh-psb|fj-psb|`, visibility.ts).
 */
export const JUDGEMENT_PROPS = {
  id: { type: 'string' },
  caseA: { type: 'string' },
  caseB: { type: 'string' },
  verdict: { type: 'string' },
  reason: { type: 'string' },
  judgedBy: { type: 'string' },
  judgedAt: { type: 'time' },
  agencies: { type: 'string' },
} as const satisfies Record<string, PropDef>;

export interface JudgementDraft {
  caseA: string;
  caseB: string;
  verdict: LinkVerdict;
  reason: string;
}

/**
 * Who sees a judgement: the investigator who made it and every member of an agency they judged
 * under; their scores and series follow it.
 */
export interface JudgementStore {
  /**
   * Records a judgement as the viewer, under the viewer's agencies, the pair put in id order.
   * Throws JudgementError naming the field: an empty or too long reason, a pair of one case.
   * Whether the cases exist and are visible is the caller's to check.
   */
  judgeCaseLink(viewer: Viewer, draft: JudgementDraft): Promise<CaseLinkJudgement>;

  /** The visible judgements, oldest first; only those on pairs that include one of `caseIds` when given. */
  caseLinkJudgements(viewer: Viewer, options: { caseIds?: string[] }): Promise<CaseLinkJudgement[]>;
}

/** A judgement the store refused; nothing was written. */
export class JudgementError extends Error {
  constructor(
    message: string,
    readonly field: keyof JudgementDraft,
  ) {
    super(message);
    this.name = 'JudgementError';
  }
}
