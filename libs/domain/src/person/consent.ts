import { isBefore } from '../shared/dates';

/** Whom a consent lets see and act on the person's data: the whole consortium, or named partners. */
export type ConsentScope = { kind: 'consortium' } | { kind: 'partners'; partnerIds: string[] };

export const CONSENT_PURPOSES = ['referral', 'case-management', 'outcome-reporting', 'research'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export interface Consent {
  consentId: string;
  scope: ConsentScope;
  purposes: ConsentPurpose[];
  givenAt: string;
  expiresAt?: string;
  withdrawnAt?: string;
  /** Set when the lapse was recorded (ConsentExpired); always equals `expiresAt`, so time alone still decides. */
  expiredAt?: string;
  /** The partner whose staff recorded it. */
  recordedBy: string;
}

export function isConsentActive(consent: Consent, at: string): boolean {
  if (consent.withdrawnAt && !isBefore(at, consent.withdrawnAt)) return false;
  if (consent.expiresAt && !isBefore(at, consent.expiresAt)) return false;
  if (consent.expiredAt && !isBefore(at, consent.expiredAt)) return false;
  return !isBefore(at, consent.givenAt);
}

/** Whether any active consent, for the purpose, covers this partner at this moment. */
export function consentCovers(consents: readonly Consent[], partnerId: string, at: string, purpose: ConsentPurpose = 'referral'): boolean {
  return consents.some(
    (c) =>
      isConsentActive(c, at) &&
      c.purposes.includes(purpose) &&
      (c.scope.kind === 'consortium' || c.scope.partnerIds.includes(partnerId)),
  );
}
