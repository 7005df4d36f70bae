import type { OutcomeCode } from '@onedoor/domain';
import type { RecordedEvent } from '@onedoor/event-store';
import { Projection, domainEventOf } from '../projection';

/** One referral's time with one partner: from receipt to completion. A re-route or handoff starts a new placement. */
export interface Placement {
  referralId: string;
  personId: string;
  partnerId: string;
  serviceId: string;
  receivedAt: number;
  acceptedAt?: number;
  startedAt?: number;
  firstInteractionAt?: number;
  completedAt?: number;
  outcome?: { code: OutcomeCode; enteredWork: boolean };
}

/**
 * Referrals as journeys through partners, for the funnel, waiting times, starts and outcomes. A handoff moves
 * accepted work: the new partner's placement starts received and accepted. A reassignment after a partner
 * leaves gives the whole placement to the successor. Referrals entered in error drop out of every count.
 */
export class ReferralJourneys implements Projection {
  readonly name = 'referral-journeys';
  private readonly placements: Placement[] = [];
  private readonly current = new Map<string, Placement>();
  private readonly personOf = new Map<string, string>();
  private readonly voided = new Set<string>();

  apply(recorded: RecordedEvent): void {
    const event = domainEventOf(recorded);
    switch (event.type) {
      case 'ReferralCreated':
        this.personOf.set(event.data.referralId, event.data.personId);
        return;
      case 'ReferralRouted':
        return this.place(event.data.referralId, event.data.partnerId, event.data.serviceId, Date.parse(event.data.at), false);
      case 'ReferralHandedOff':
        return this.place(event.data.referralId, event.data.toPartnerId, event.data.serviceId, Date.parse(event.data.at), true);
      case 'ReferralReassigned': {
        const placement = this.current.get(event.data.referralId);
        if (event.data.side === 'receiving' && placement) placement.partnerId = event.data.toPartnerId;
        return;
      }
      case 'ReferralAccepted': {
        const placement = this.current.get(event.data.referralId);
        if (placement && placement.acceptedAt === undefined) placement.acceptedAt = Date.parse(event.data.at);
        return;
      }
      case 'ReferralStarted': {
        const placement = this.current.get(event.data.referralId);
        if (placement && placement.startedAt === undefined) placement.startedAt = Date.parse(event.data.at);
        return;
      }
      case 'InteractionRecorded': {
        const placement = this.current.get(event.data.referralId);
        if (placement && placement.firstInteractionAt === undefined && placement.partnerId === event.data.partnerId) placement.firstInteractionAt = Date.parse(event.data.at);
        return;
      }
      case 'ReferralCompleted': {
        const placement = this.current.get(event.data.referralId);
        if (placement) {
          placement.completedAt = Date.parse(event.data.at);
          placement.outcome = { code: event.data.outcome.code, enteredWork: event.data.outcome.enteredWork === true };
        }
        return;
      }
      case 'ReferralEnteredInError':
        this.voided.add(event.data.referralId);
        return;
    }
  }

  reset(): void {
    this.placements.length = 0;
    this.current.clear();
    this.personOf.clear();
    this.voided.clear();
  }

  /** Placements of referrals not entered in error, optionally of one partner. Copies: callers may not rewrite the journeys. */
  all(partnerId?: string): Placement[] {
    return this.placements.filter((p) => !this.voided.has(p.referralId) && (partnerId === undefined || p.partnerId === partnerId)).map((p) => ({ ...p }));
  }

  private place(referralId: string, partnerId: string, serviceId: string, at: number, accepted: boolean): void {
    const placement: Placement = { referralId, personId: this.personOf.get(referralId) ?? '', partnerId, serviceId, receivedAt: at, ...(accepted ? { acceptedAt: at, startedAt: at } : {}) };
    this.placements.push(placement);
    this.current.set(referralId, placement);
  }
}
