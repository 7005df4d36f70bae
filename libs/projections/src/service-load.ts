import { ReferralState, initialReferralState, isOpen, referralDecider } from '@onedoor/domain';
import type { RecordedEvent } from '@onedoor/event-store';
import { SnapshottedProjection, domainEventOf } from './projection';
import { mapOf, snapshotShaped } from './checkpoints/snapshot-shape';
import { isReferralEvent } from './referral-history';

/** How much open work a service or partner holds now. */
export interface Load {
  /** Open referrals (requested, accepted, in progress, on hold). */
  open: number;
  /** Of those, the ones routed while it had no capacity: its waitlist. */
  waitlisted: number;
}

interface Held {
  state: ReferralState;
  waitlisted: boolean;
}

interface LoadSnapshot {
  referrals: Map<string, Held>;
  byService: Map<string, Load>;
  byPartner: Map<string, Load>;
}

const NONE: Load = { open: 0, waitlisted: 0 };

/**
 * Open referrals and waitlists per service and per receiving partner, for search and routing. Status and
 * parties are folded with the referral decider, so the counts agree with the command side.
 */
export class ServiceLoad implements SnapshottedProjection {
  readonly name = 'service-load';
  readonly snapshotVersion: number = 1;
  private referrals = new Map<string, Held>();
  private byService = new Map<string, Load>();
  private byPartner = new Map<string, Load>();

  apply(recorded: RecordedEvent): void {
    const event = domainEventOf(recorded);
    if (!isReferralEvent(event)) return;
    const held = this.referrals.get(event.data.referralId) ?? { state: initialReferralState, waitlisted: false };
    this.count(held, -1);
    held.state = referralDecider.evolve(held.state, event);
    if (event.type === 'ReferralRouted') held.waitlisted = event.data.waitlisted;
    // Handed-off work is accepted work at the new partner, not waiting on a list (as the referral book has it).
    if (event.type === 'ReferralHandedOff') held.waitlisted = false;
    this.referrals.set(event.data.referralId, held);
    this.count(held, +1);
  }

  reset(): void {
    this.referrals.clear();
    this.byService.clear();
    this.byPartner.clear();
  }

  snapshot(): LoadSnapshot {
    return { referrals: this.referrals, byService: this.byService, byPartner: this.byPartner };
  }

  restore(state: unknown): void {
    const saved = snapshotShaped<LoadSnapshot>(state, this.name, ['referrals', 'byService', 'byPartner']);
    this.referrals = mapOf(saved.referrals, this.name, 'referrals');
    this.byService = mapOf(saved.byService, this.name, 'byService');
    this.byPartner = mapOf(saved.byPartner, this.name, 'byPartner');
  }

  ofService(serviceId: string): Load {
    return { ...(this.byService.get(serviceId) ?? NONE) };
  }

  ofPartner(partnerId: string): Load {
    return { ...(this.byPartner.get(partnerId) ?? NONE) };
  }

  private count(held: Held, sign: 1 | -1): void {
    const { status, serviceId, receivingPartnerId } = held.state;
    if (!isOpen(status)) return;
    const add = (index: Map<string, Load>, key: string | undefined) => {
      if (key === undefined) return;
      const load = index.get(key) ?? { open: 0, waitlisted: 0 };
      load.open += sign;
      if (held.waitlisted) load.waitlisted += sign;
      index.set(key, load);
    };
    add(this.byService, serviceId);
    add(this.byPartner, receivingPartnerId);
  }
}
