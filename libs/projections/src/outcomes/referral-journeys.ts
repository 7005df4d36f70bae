import type { OutcomeCode } from '@onedoor/domain';
import type { RecordedEvent } from '@onedoor/event-store';
import { SnapshottedProjection, domainEventOf } from '../projection';
import { listOf, mapOf, setOf, snapshotShaped } from '../checkpoints/snapshot-shape';

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
interface JourneysSnapshot {
  placements: Placement[];
  current: Map<string, Placement>;
  personOf: Map<string, string>;
  voided: Set<string>;
}

export class ReferralJourneys implements SnapshottedProjection {
  readonly name = 'referral-journeys';
  readonly snapshotVersion: number = 1;
  private placements: Placement[] = [];
  private current = new Map<string, Placement>();
  private personOf = new Map<string, string>();
  private voided = new Set<string>();

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

  /** `current` points into `placements`: one serialise call keeps them the same objects. */
  snapshot(): JourneysSnapshot {
    return { placements: this.placements, current: this.current, personOf: this.personOf, voided: this.voided };
  }

  restore(state: unknown): void {
    const saved = snapshotShaped<JourneysSnapshot>(state, this.name, ['placements', 'current', 'personOf', 'voided']);
    const placements = listOf<Placement>(saved.placements, this.name, 'placements');
    const voided = setOf<string>(saved.voided, this.name, 'voided');
    this.current = mapOf(saved.current, this.name, 'current');
    this.personOf = mapOf(saved.personOf, this.name, 'personOf');
    this.placements = placements;
    this.voided = voided;
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
