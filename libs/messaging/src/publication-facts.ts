import type { Consent, ReferralEvent, SealedPersonalData } from '@onedoor/domain';

/** What the router remembers about a referral: who its parties are, and the facts a joining partner needs. */
export interface ReferralFacts {
  referralId: string;
  personId: string;
  referringPartnerId: string;
  receivingPartnerId?: string;
  needs: string[];
  urgency: 'routine' | 'urgent';
  summary?: SealedPersonalData;
}

/** What the router remembers about a person: who may see them, and which partners' topics carried them. */
export interface PersonFacts {
  personId: string;
  registeredBy: string;
  consents: Consent[];
  /** The latest sealed details. */
  details: SealedPersonalData;
  erased: boolean;
  /** Partners whose topic carried an event about this person: each gets the erasure notice. */
  audience: Set<string>;
  /** Partners whose per-person topic holds this person's details now (a tombstone clears them). */
  detailsHeldBy: Set<string>;
}

/** The partners a referral's events go to: the referring partner and the current receiving partner. */
export function partiesOf(referral: ReferralFacts): string[] {
  return referral.receivingPartnerId && referral.receivingPartnerId !== referral.referringPartnerId
    ? [referral.referringPartnerId, referral.receivingPartnerId]
    : [referral.referringPartnerId];
}

/** The referral's parties after the event: routing, handoff and reassignment move them. */
export function evolveReferral(referral: ReferralFacts, event: ReferralEvent): ReferralFacts {
  switch (event.type) {
    case 'ReferralRouted':
      return { ...referral, receivingPartnerId: event.data.partnerId };
    case 'ReferralHandedOff':
      return { ...referral, receivingPartnerId: event.data.toPartnerId };
    case 'ReferralReassigned':
      return event.data.side === 'referring'
        ? { ...referral, referringPartnerId: event.data.toPartnerId }
        : { ...referral, receivingPartnerId: event.data.toPartnerId };
    default:
      return referral;
  }
}

export function referralFactsOf(created: Extract<ReferralEvent, { type: 'ReferralCreated' }>): ReferralFacts {
  const { referralId, personId, referringPartnerId, needs, urgency, summary } = created.data;
  return { referralId, personId, referringPartnerId, needs, urgency, ...(summary ? { summary } : {}) };
}
