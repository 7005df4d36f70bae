import { ensure } from '../shared/rule-violation';

/** How a completed referral ended for the person. */
export const OUTCOME_CODES = ['need-met', 'need-partly-met', 'need-not-met', 'signposted-elsewhere'] as const;
export type OutcomeCode = (typeof OUTCOME_CODES)[number];

export interface Outcome {
  code: OutcomeCode;
  /** Whether the person entered work, for payment-by-results milestones. */
  enteredWork?: boolean;
  /** When the person started work, YYYY-MM-DD. */
  workStartedOn?: string;
}

export function ensureOutcome(outcome: Outcome | undefined): asserts outcome is Outcome {
  ensure(outcome && OUTCOME_CODES.includes(outcome.code), 'referral.outcome-required', `completing a referral needs an outcome, one of: ${OUTCOME_CODES.join(', ')}`);
}
