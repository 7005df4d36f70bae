import type { Consent } from '../api/types';

/** What the person's consent says right now, in one line for the person card. */
export interface ConsentSummary {
  state: 'active' | 'none' | 'withdrawn' | 'expired';
  text: string;
  /** The soonest expiry among active consents. */
  expiresAt?: string;
  /** Partners covered by an active consent; 'consortium' when one covers everyone. */
  covers: 'consortium' | string[];
}

export function consentSummary(consents: Consent[], partnerName: (id: string) => string = (id) => id): ConsentSummary {
  const active = consents.filter((c) => c.active);
  if (active.length === 0) {
    const last = consents[consents.length - 1];
    if (!last) return { state: 'none', text: 'No consent recorded', covers: [] };
    if (last.withdrawnAt) return { state: 'withdrawn', text: 'Consent withdrawn', covers: [] };
    return { state: 'expired', text: 'Consent expired', covers: [] };
  }
  const consortiumWide = active.some((c) => c.scope.kind === 'consortium');
  const partners = [...new Set(active.flatMap((c) => (c.scope.kind === 'partners' ? c.scope.partnerIds : [])))];
  const expiries = active.map((c) => c.expiresAt).filter((e): e is string => Boolean(e)).sort();
  const expiresAt = expiries[0];
  const who = consortiumWide ? 'the whole consortium' : partners.map(partnerName).join(', ');
  return { state: 'active', text: `Consent covers ${who}`, expiresAt, covers: consortiumWide ? 'consortium' : partners };
}

/** Whether an active consent covers a partner for referral. */
export function consentCoversPartner(consents: Consent[], partnerId: string): boolean {
  return consents.some((c) => c.active && c.purposes.includes('referral') && (c.scope.kind === 'consortium' || c.scope.partnerIds.includes(partnerId)));
}
