/**
 * The referral state machine (DESIGN.md), aligned to HL7 FHIR Task as used for closed-loop referrals.
 * Every transition the domain makes is checked against this one table.
 */
export const REFERRAL_STATUSES = [
  'draft',
  'requested',
  'accepted',
  'in-progress',
  'on-hold',
  'rejected',
  'completed',
  'failed',
  'cancelled',
  'entered-in-error',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

const ENDINGS: ReferralStatus[] = ['completed', 'failed', 'cancelled'];

export const ALLOWED_TRANSITIONS: Readonly<Record<ReferralStatus, readonly ReferralStatus[]>> = {
  draft: ['requested', 'cancelled', 'entered-in-error'],
  requested: ['accepted', 'rejected', 'cancelled', 'entered-in-error'],
  accepted: ['in-progress', 'on-hold', ...ENDINGS, 'entered-in-error'],
  'in-progress': ['on-hold', ...ENDINGS, 'entered-in-error'],
  'on-hold': ['in-progress', ...ENDINGS, 'entered-in-error'],
  // A rejected referral is re-routed from the contact point, back to requested.
  rejected: ['requested', 'entered-in-error'],
  completed: ['entered-in-error'],
  failed: ['entered-in-error'],
  cancelled: ['entered-in-error'],
  'entered-in-error': [],
};

export function canTransition(from: ReferralStatus, to: ReferralStatus): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}

/** Open referrals are those a partner still has to act on; a leaving partner cannot orphan them. */
export const OPEN_STATUSES: readonly ReferralStatus[] = ['requested', 'accepted', 'in-progress', 'on-hold'];

/** Live referrals share the person's data with the receiving partner, so need consent covering it. */
export function isOpen(status: ReferralStatus): boolean {
  return OPEN_STATUSES.includes(status);
}
