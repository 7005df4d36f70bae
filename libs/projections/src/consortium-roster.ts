import {
  ConsortiumEvent,
  ConsortiumState,
  ConsortiumStructure,
  PartnerRole,
  consortiumDecider,
  initialConsortiumState,
  isActiveMember,
  managesConsortium,
} from '@onedoor/domain';
import type { RecordedEvent } from '@onedoor/event-store';
import { SnapshottedProjection, domainEventOf } from './projection';
import { mapOf, snapshotShaped } from './checkpoints/snapshot-shape';

export interface ConsortiumSummary {
  consortiumId: string;
  name: string;
  structure: ConsortiumStructure;
  formedAt: string;
}

export interface RosterPartner {
  partnerId: string;
  name: string;
  role: PartnerRole;
  active: boolean;
  joinedAt: string;
  leftAt?: string;
  /** Who took over its open referrals when it left. */
  successorPartnerId?: string;
}

interface RosterSnapshot {
  state: ConsortiumState;
  formedAt: string | undefined;
  roster: Map<string, RosterPartner>;
}

/**
 * Who is in the consortium, now and before. Membership rules come from the domain's own state
 * (folded with the consortium decider), so "member" and "manages" mean exactly what the commands check.
 */
export class ConsortiumRoster implements SnapshottedProjection {
  readonly name = 'consortium-roster';
  readonly snapshotVersion: number = 1;
  private state: ConsortiumState = initialConsortiumState;
  private formedAt: string | undefined;
  private roster = new Map<string, RosterPartner>();

  apply(recorded: RecordedEvent): void {
    const event = domainEventOf(recorded);
    switch (event.type) {
      case 'ConsortiumFormed':
        // One OneDoor instance serves one consortium.
        if (this.state.formed) return;
        this.formedAt = event.data.formedAt;
        return this.evolve(event);
      case 'PartnerJoined':
        if (!this.isOurs(event.data.consortiumId)) return;
        this.roster.set(event.data.partnerId, {
          partnerId: event.data.partnerId,
          name: event.data.name,
          role: event.data.role,
          active: true,
          joinedAt: event.data.joinedAt,
        });
        return this.evolve(event);
      case 'PartnerLeft': {
        if (!this.isOurs(event.data.consortiumId)) return;
        const partner = this.roster.get(event.data.partnerId);
        if (partner) {
          partner.active = false;
          partner.leftAt = event.data.leftAt;
          if (event.data.successorPartnerId !== undefined) partner.successorPartnerId = event.data.successorPartnerId;
        }
        return this.evolve(event);
      }
    }
  }

  reset(): void {
    this.state = initialConsortiumState;
    this.formedAt = undefined;
    this.roster.clear();
  }

  snapshot(): RosterSnapshot {
    return { state: this.state, formedAt: this.formedAt, roster: this.roster };
  }

  restore(state: unknown): void {
    const saved = snapshotShaped<RosterSnapshot>(state, this.name, ['state', 'formedAt', 'roster']);
    this.state = saved.state;
    this.formedAt = saved.formedAt;
    this.roster = mapOf(saved.roster, this.name, 'roster');
  }

  consortium(): ConsortiumSummary | undefined {
    const { formed, consortiumId, name, structure } = this.state;
    if (!formed) return undefined;
    return { consortiumId: consortiumId!, name: name!, structure: structure!, formedAt: this.formedAt! };
  }

  /** Current members by name; former ones too when asked (they still appear in referral histories). */
  partners(options: { includeFormer?: boolean } = {}): RosterPartner[] {
    return [...this.roster.values()]
      .filter((p) => p.active || options.includeFormer)
      .sort((a, b) => a.name.localeCompare(b.name) || a.partnerId.localeCompare(b.partnerId))
      .map((p) => ({ ...p }));
  }

  partner(partnerId: string): RosterPartner | undefined {
    const partner = this.roster.get(partnerId);
    return partner && { ...partner };
  }

  activePartnerIds(): string[] {
    return this.partners().map((p) => p.partnerId);
  }

  isActiveMember(partnerId: string): boolean {
    return isActiveMember(this.state, partnerId);
  }

  /** Hub or lead, or any current member of a partnership of equals. */
  managesConsortium(partnerId: string): boolean {
    return managesConsortium(this.state, partnerId);
  }

  private isOurs(consortiumId: string): boolean {
    return this.state.formed && this.state.consortiumId === consortiumId;
  }

  private evolve(event: ConsortiumEvent): void {
    this.state = consortiumDecider.evolve(this.state, event);
  }
}
