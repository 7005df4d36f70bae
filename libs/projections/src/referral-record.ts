import type { ActedBy, InteractionKind, Outcome, Reason, ReferralEvent, ReferralStatus, SealedPersonalData } from '@onedoor/domain';

/** Non-personal facts of one referral event, for audit trails and reports. Free text about the person never goes here. */
export interface ReferralHistoryDetails {
  reason?: Reason;
  /** A handoff's reason (free text the domain keeps unsealed). */
  handoffReason?: string;
  outcome?: Outcome;
  partnerId?: string;
  serviceId?: string;
  previousPartnerId?: string;
  respondBy?: string;
  waitlisted?: boolean;
  fromPartnerId?: string;
  toPartnerId?: string;
  side?: 'referring' | 'receiving';
  consentCoversSuccessor?: boolean;
  interactionId?: string;
  kind?: InteractionKind;
  occurredOn?: string;
  needs?: string[];
  urgency?: 'routine' | 'urgent';
}

export interface ReferralHistoryEntry {
  /** Global log position: a stable id and tie-breaker for events at the same instant. */
  position: number;
  at: string;
  type: ReferralEvent['type'];
  by: ActedBy;
  /** A short sentence with no personal data, e.g. "Rejected: no-capacity". */
  summary: string;
  details: ReferralHistoryDetails;
}

export interface InteractionRecord {
  interactionId: string;
  kind: InteractionKind;
  occurredOn: string;
  partnerId: string;
  recordedAt: string;
  /** Sealed with the person's key; open with `ReferralBook.notes()`. */
  notes?: SealedPersonalData;
}

export interface ReferralRecord {
  referralId: string;
  personId: string;
  status: ReferralStatus;
  referringPartnerId: string;
  receivingPartnerId?: string;
  serviceId?: string;
  needs: string[];
  urgency: 'routine' | 'urgent';
  /** Sealed with the person's key; open with `ReferralBook.summary()`. */
  summary?: SealedPersonalData;
  createdAt: string;
  updatedAt: string;
  respondBy?: string;
  firstRespondedAt?: string;
  waitlisted: boolean;
  outcome?: Outcome;
  lastReason?: Reason;
  /** The referral stream's version after its latest event: the ETag / If-Match value. */
  version: number;
  history: ReferralHistoryEntry[];
  interactions: InteractionRecord[];
}
