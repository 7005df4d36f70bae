import type { Actor, InteractionKind, Outcome, Reason } from '@onedoor/domain';

export class CreateReferralCommand {
  constructor(
    readonly referralId: string,
    readonly personId: string,
    readonly needs: string[],
    readonly urgency: 'routine' | 'urgent',
    readonly summary: string | undefined,
    readonly routing: { serviceId: string; respondBy?: string } | undefined,
    readonly actor: Actor,
  ) {}
}

/** What staff do to an existing referral, before the handler adds the facts the domain needs. */
export type ReferralAction =
  | { type: 'RouteReferral'; serviceId: string; respondBy?: string }
  | { type: 'AcceptReferral' }
  | { type: 'RejectReferral'; reason: Reason }
  | { type: 'StartReferral' }
  | { type: 'PutReferralOnHold'; reason: Reason }
  | { type: 'ResumeReferral' }
  | { type: 'CompleteReferral'; outcome: Outcome }
  | { type: 'FailReferral'; reason: Reason }
  | { type: 'CancelReferral'; reason: Reason }
  | { type: 'MarkReferralEnteredInError'; reason: Reason }
  | { type: 'HandOffReferral'; serviceId: string; reason: string }
  | { type: 'RecordInteraction'; interactionId: string; kind: InteractionKind; occurredOn: string; notes?: string };

export class ActOnReferralCommand {
  constructor(readonly referralId: string, readonly action: ReferralAction, readonly actor: Actor, readonly expectedVersion?: number) {}
}

/** Issued by the partner-exit process for each open referral of a partner that left. */
export class ReassignReferralCommand {
  constructor(readonly referralId: string, readonly leavingPartnerId: string, readonly successorPartnerId: string, readonly actor: Actor) {}
}

/** Issued by the consent-loss process: the person's consent no longer covers the referral's receiving partner. */
export class StopReferralOnConsentLossCommand {
  constructor(readonly referralId: string, readonly causation: string) {}
}
