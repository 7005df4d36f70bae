import { ensure } from './rule-violation';

/** The consortium's list of reasons for rejecting, holding, failing, cancelling or voiding a referral. */
export const REASON_CODES = [
  'no-capacity',
  'not-eligible',
  'out-of-area',
  'could-not-contact',
  'declined-by-person',
  'duplicate',
  'partner-left',
  /** The person's consent no longer covers the receiving partner (withdrawn or expired). */
  'consent-ended',
  'other',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export interface Reason {
  code: ReasonCode;
  /** Free text; required when the code is `other`. */
  text?: string;
}

export function ensureReason(reason: Reason | undefined, rule: string): asserts reason is Reason {
  ensure(reason && REASON_CODES.includes(reason.code), rule, `a reason is required, one of: ${REASON_CODES.join(', ')}`);
  ensure(reason.code !== 'other' || (reason.text ?? '').trim().length > 0, rule, 'a reason of "other" needs a free-text explanation');
}
