import { Reason } from '../shared/reason';
import { SealedPersonalData } from '../shared/sealed-personal-data';
import { InteractionKind } from './interaction';
import { Outcome } from './referral-outcome';

/** Who did it: a staff member of a partner. Staff ids are opaque, never names. */
export interface ActedBy {
  staffId: string;
  partnerId: string;
}

type ReferralEventOf<T extends string, D> = { type: T; data: { referralId: string; at: string; by: ActedBy } & D };

export type ReferralCreated = ReferralEventOf<
  'ReferralCreated',
  {
    personId: string;
    referringPartnerId: string;
    needs: string[];
    urgency: 'routine' | 'urgent';
    /** Free text about the person's circumstances is personal data: sealed with their key. */
    summary?: SealedPersonalData;
  }
>;
export type ReferralRouted = ReferralEventOf<
  'ReferralRouted',
  { partnerId: string; serviceId: string; respondBy: string; waitlisted: boolean; previousPartnerId?: string }
>;
export type ReferralAccepted = ReferralEventOf<'ReferralAccepted', {}>;
export type ReferralRejected = ReferralEventOf<'ReferralRejected', { reason: Reason }>;
export type ReferralStarted = ReferralEventOf<'ReferralStarted', {}>;
export type ReferralPutOnHold = ReferralEventOf<'ReferralPutOnHold', { reason: Reason }>;
export type ReferralResumed = ReferralEventOf<'ReferralResumed', {}>;
export type ReferralCompleted = ReferralEventOf<'ReferralCompleted', { outcome: Outcome }>;
export type ReferralFailed = ReferralEventOf<'ReferralFailed', { reason: Reason }>;
export type ReferralCancelled = ReferralEventOf<'ReferralCancelled', { reason: Reason }>;
export type ReferralEnteredInError = ReferralEventOf<'ReferralEnteredInError', { reason: Reason }>;
export type ReferralHandedOff = ReferralEventOf<
  'ReferralHandedOff',
  { fromPartnerId: string; toPartnerId: string; serviceId: string; reason: string }
>;
/** A partner left the consortium; its side of this referral moved to the named successor. */
export type ReferralReassigned = ReferralEventOf<
  'ReferralReassigned',
  { side: 'referring' | 'receiving'; fromPartnerId: string; toPartnerId: string; consentCoversSuccessor: boolean }
>;
export type InteractionRecorded = ReferralEventOf<
  'InteractionRecorded',
  { interactionId: string; kind: InteractionKind; occurredOn: string; partnerId: string; notes?: SealedPersonalData }
>;

export type ReferralEvent =
  | ReferralCreated
  | ReferralRouted
  | ReferralAccepted
  | ReferralRejected
  | ReferralStarted
  | ReferralPutOnHold
  | ReferralResumed
  | ReferralCompleted
  | ReferralFailed
  | ReferralCancelled
  | ReferralEnteredInError
  | ReferralHandedOff
  | ReferralReassigned
  | InteractionRecorded;
