import { Actor } from '../shared/actor';
import { Reason } from '../shared/reason';
import { SealedPersonalData } from '../shared/sealed-personal-data';
import { Consent } from '../person/consent';
import { InteractionKind } from './interaction';
import { Outcome } from './referral-outcome';
import { RoutingTarget } from './routing-target';

interface Base {
  actor: Actor;
  at: string;
}

/** Facts the handler loads from the person's stream. */
export interface PersonFacts {
  status: 'unknown' | 'registered' | 'erased';
  consents: Consent[];
}

export interface Routing {
  target: RoutingTarget;
  /** When the receiving partner should have responded by; defaults to DEFAULT_RESPONSE_DAYS after routing. */
  respondBy?: string;
}

export interface CreateReferral extends Base {
  type: 'CreateReferral';
  referralId: string;
  personId: string;
  person: PersonFacts;
  needs: string[];
  urgency: 'routine' | 'urgent';
  summary?: SealedPersonalData;
  /** Route straight away (draft → requested in one step). */
  routing?: Routing;
}

export interface RouteReferral extends Base, Routing {
  type: 'RouteReferral';
  person: PersonFacts;
}

export interface AcceptReferral extends Base {
  type: 'AcceptReferral';
  person: PersonFacts;
}
export interface RejectReferral extends Base {
  type: 'RejectReferral';
  reason: Reason;
}
export interface StartReferral extends Base {
  type: 'StartReferral';
}
export interface PutReferralOnHold extends Base {
  type: 'PutReferralOnHold';
  reason: Reason;
}
export interface ResumeReferral extends Base {
  type: 'ResumeReferral';
  /** Resumed work is live again: the person's consent must cover the receiving partner. */
  person: PersonFacts;
}
export interface CompleteReferral extends Base {
  type: 'CompleteReferral';
  outcome: Outcome;
}
export interface FailReferral extends Base {
  type: 'FailReferral';
  reason: Reason;
}
export interface CancelReferral extends Base {
  type: 'CancelReferral';
  reason: Reason;
}
export interface MarkReferralEnteredInError extends Base {
  type: 'MarkReferralEnteredInError';
  reason: Reason;
}
export interface HandOffReferral extends Base {
  type: 'HandOffReferral';
  target: RoutingTarget;
  person: PersonFacts;
  reason: string;
}
export interface RecordInteraction extends Base {
  type: 'RecordInteraction';
  interactionId: string;
  kind: InteractionKind;
  occurredOn: string;
  notes?: SealedPersonalData;
}
/** Issued by the partner-exit process, not by staff. */
export interface ReassignOnPartnerExit extends Base {
  type: 'ReassignOnPartnerExit';
  leavingPartnerId: string;
  successorPartnerId: string;
  person: PersonFacts;
}

/**
 * Issued by the consent-loss process, not by staff: the person's consent no longer covers the receiving
 * partner, so accepted or in-progress work goes on hold and a request not yet accepted is cancelled.
 * The actor is the system acting for the referring partner; it need not be the receiver.
 */
export interface StopReferralOnConsentLoss extends Base {
  type: 'StopReferralOnConsentLoss';
  person: PersonFacts;
}

export type ReferralCommand =
  | CreateReferral
  | RouteReferral
  | AcceptReferral
  | RejectReferral
  | StartReferral
  | PutReferralOnHold
  | ResumeReferral
  | CompleteReferral
  | FailReferral
  | CancelReferral
  | MarkReferralEnteredInError
  | HandOffReferral
  | RecordInteraction
  | ReassignOnPartnerExit
  | StopReferralOnConsentLoss;
