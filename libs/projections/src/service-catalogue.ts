import { Capacity, ServiceDescription, ServiceEvent, ServiceState, WaitlistStatus, initialServiceState, serviceDecider } from '@onedoor/domain';
import type { RecordedEvent } from '@onedoor/event-store';
import { SnapshottedProjection, domainEventOf } from './projection';
import { mapOf, snapshotShaped } from './checkpoints/snapshot-shape';
import { normalisedText } from './normalised-text';

export type CatalogueStatus = 'active' | 'withdrawn';

export interface CatalogueService extends ServiceDescription {
  serviceId: string;
  partnerId: string;
  status: CatalogueStatus;
  capacity: Capacity;
  /** Whether it takes referrals onto its waitlist when full. */
  waitlist: WaitlistStatus;
  listedAt: string;
  updatedAt: string;
  withdrawnAt?: string;
  withdrawalReason?: string;
  /** The service stream's version after its latest event: the ETag / If-Match value. */
  version: number;
}

export interface ServiceFilter {
  partnerId?: string;
  /** A need the service meets (taxonomy term id). */
  need?: string;
  status?: CatalogueStatus;
  /** Words found in the name or description, ignoring case and accents. */
  text?: string;
}

interface Listing {
  state: ServiceState;
  version: number;
  listedAt: string;
  updatedAt: string;
  withdrawnAt?: string;
  withdrawalReason?: string;
}

/**
 * Every service partners list, as the front door sees it. Descriptions are folded with the service
 * decider, so an update merges exactly as the command side does (e.g. partial eligibility changes).
 */
export class ServiceCatalogue implements SnapshottedProjection {
  readonly name = 'service-catalogue';
  readonly snapshotVersion: number = 1;
  private listings = new Map<string, Listing>();

  apply(recorded: RecordedEvent): void {
    const event = domainEventOf(recorded);
    switch (event.type) {
      case 'ServiceListed':
        this.listings.set(event.data.serviceId, {
          state: serviceDecider.evolve(initialServiceState, event),
          listedAt: event.data.listedAt,
          updatedAt: event.data.listedAt,
          version: recorded.version,
        });
        return;
      case 'ServiceUpdated':
      case 'ServiceCapacityUpdated':
        this.change(event, event.data.updatedAt, recorded.version);
        return;
      case 'ServiceWaitlistChanged':
        this.change(event, event.data.changedAt, recorded.version);
        return;
      case 'ServiceWithdrawn': {
        const listing = this.change(event, event.data.withdrawnAt, recorded.version);
        if (!listing) return;
        listing.withdrawnAt = event.data.withdrawnAt;
        if (event.data.reason !== undefined) listing.withdrawalReason = event.data.reason;
        return;
      }
    }
  }

  reset(): void {
    this.listings.clear();
  }

  snapshot(): { listings: Map<string, Listing> } {
    return { listings: this.listings };
  }

  restore(state: unknown): void {
    const saved = snapshotShaped<{ listings: Map<string, Listing> }>(state, this.name, ['listings']);
    this.listings = mapOf(saved.listings, this.name, 'listings');
  }

  service(serviceId: string): CatalogueService | undefined {
    const listing = this.listings.get(serviceId);
    return listing && viewOf(listing);
  }

  /** Services matching every given filter, by name. The full directory search lives in the directory app. */
  services(filter: ServiceFilter = {}): CatalogueService[] {
    const words = filter.text ? normalisedText(filter.text).split(' ').filter(Boolean) : [];
    return [...this.listings.values()]
      .map(viewOf)
      .filter(
        (s) =>
          (filter.partnerId === undefined || s.partnerId === filter.partnerId) &&
          (filter.need === undefined || s.needs.includes(filter.need)) &&
          (filter.status === undefined || s.status === filter.status) &&
          (words.length === 0 || containsAll(normalisedText(`${s.name} ${s.description}`), words)),
      )
      .sort((a, b) => a.name.localeCompare(b.name) || a.serviceId.localeCompare(b.serviceId));
  }

  private change(event: ServiceEvent, at: string, version: number): Listing | undefined {
    const listing = this.listings.get(event.data.serviceId);
    if (!listing) return undefined;
    listing.state = serviceDecider.evolve(listing.state, event);
    listing.updatedAt = at;
    listing.version = version;
    return listing;
  }
}

function containsAll(haystack: string, words: string[]): boolean {
  return words.every((word) => haystack.includes(word));
}

function viewOf(listing: Listing): CatalogueService {
  const { state } = listing;
  const description = state.description!;
  return {
    serviceId: state.serviceId!,
    partnerId: state.partnerId!,
    ...description,
    needs: [...description.needs],
    localities: [...description.localities],
    communities: [...description.communities],
    eligibility: { ...description.eligibility },
    status: state.status as CatalogueStatus,
    capacity: { ...state.capacity! },
    waitlist: state.waitlist,
    listedAt: listing.listedAt,
    updatedAt: listing.updatedAt,
    ...(listing.withdrawnAt !== undefined ? { withdrawnAt: listing.withdrawnAt } : {}),
    ...(listing.withdrawalReason !== undefined ? { withdrawalReason: listing.withdrawalReason } : {}),
    version: listing.version,
  };
}
