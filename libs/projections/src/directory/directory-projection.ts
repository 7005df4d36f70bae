import { ServiceEvent, ServiceState, initialServiceState, serviceDecider } from '@onedoor/domain';
import type { DomainEvent } from '@onedoor/domain';
import type { RecordedEvent } from '@onedoor/event-store';
import { SnapshottedProjection, domainEventOf } from '../projection';
import { mapOf, setOf, snapshotShaped } from '../checkpoints/snapshot-shape';
import type {
  DirectoryChanges,
  DirectoryConsortium,
  DirectoryLocation,
  DirectoryOrganization,
  DirectoryService,
  DirectoryServiceArea,
  DirectoryServiceAtLocation,
  DirectoryTaxonomyTerm,
  DirectoryTermLink,
} from './directory-records';
import { DirectoryReadModel } from './directory-read-model';
import { DIRECTORY_TAXONOMIES, DIRECTORY_TAXONOMY_KEYS, DirectoryTaxonomyKey, termDescriptionOf, termNameOf } from './directory-taxonomy';
import { HsdsIds } from './hsds-id';
import { districtCentroid, postcodeDistrictOf } from './uk-postcode';

/** What the projection remembers of a service between events: the domain's own state plus dates. */
interface Listing {
  state: ServiceState;
  listedAt: string;
  capacityUpdatedAt: string;
  withdrawnAt?: string;
  lastModified: string;
  /** The record last published and the description it came from: a capacity change reuses its terms, areas and ids. */
  published?: { description: ServiceState['description']; record: DirectoryService };
}

interface DirectorySnapshot {
  consortium: DirectoryConsortium | undefined;
  partners: Map<string, DirectoryOrganization>;
  listings: Map<string, Listing>;
  knownTerms: Set<string>;
  knownLocations: Set<string>;
  readModel: unknown;
}

/**
 * The shared service directory, fed from the partner and service events: organizations (partners),
 * services with their capacity, the postcode districts they are delivered in, and the needs and
 * communities taxonomies. Descriptions are folded with the service decider, so an update merges exactly
 * as the command side does. Every event's changes go to the read model in one write with its position.
 */
export class DirectoryProjection implements SnapshottedProjection {
  readonly name = 'directory';
  readonly snapshotVersion: number = 1;
  private consortium: DirectoryConsortium | undefined;
  private ids = new HsdsIds(undefined);
  private partners = new Map<string, DirectoryOrganization>();
  private listings = new Map<string, Listing>();
  private knownTerms = new Set<string>();
  private knownLocations = new Set<string>();

  constructor(readonly readModel: DirectoryReadModel) {}

  apply(recorded: RecordedEvent): void {
    this.readModel.write(this.changesFrom(domainEventOf(recorded)), recorded.position, recorded.id);
  }

  reset(): void {
    this.consortium = undefined;
    this.ids = new HsdsIds(undefined);
    this.partners.clear();
    this.listings.clear();
    this.knownTerms.clear();
    this.knownLocations.clear();
    this.readModel.clear();
  }

  /**
   * Saved in one piece with the read model's records, so a listing's last published record is still the very
   * object the read model holds, and its description still the state's (freshServiceOf compares them by identity).
   */
  snapshot(): DirectorySnapshot {
    const { consortium, partners, listings, knownTerms, knownLocations } = this;
    return { consortium, partners, listings, knownTerms, knownLocations, readModel: this.readModel.snapshot() };
  }

  async restore(state: unknown): Promise<void> {
    const saved = snapshotShaped<DirectorySnapshot>(state, this.name, ['consortium', 'partners', 'listings', 'knownTerms', 'knownLocations', 'readModel']);
    const knownTerms = setOf<string>(saved.knownTerms, this.name, 'knownTerms');
    const knownLocations = setOf<string>(saved.knownLocations, this.name, 'knownLocations');
    const partners = mapOf<string, DirectoryOrganization>(saved.partners, this.name, 'partners');
    const listings = mapOf<string, Listing>(saved.listings, this.name, 'listings');
    await this.readModel.restore(saved.readModel);
    this.consortium = saved.consortium;
    this.ids = new HsdsIds(saved.consortium?.consortiumId);
    this.partners = partners;
    this.listings = listings;
    this.knownTerms = knownTerms;
    this.knownLocations = knownLocations;
  }

  private changesFrom(event: DomainEvent): DirectoryChanges {
    switch (event.type) {
      case 'ConsortiumFormed': {
        // One OneDoor instance serves one consortium (as the roster has it).
        if (this.consortium) return {};
        this.ids = new HsdsIds(event.data.consortiumId);
        this.consortium = { consortiumId: event.data.consortiumId, name: event.data.name, idNamespace: this.ids.namespace };
        const taxonomies = DIRECTORY_TAXONOMY_KEYS.map((key) => ({ id: this.ids.taxonomy(key), key, ...DIRECTORY_TAXONOMIES[key] }));
        return { consortium: this.consortium, taxonomies };
      }
      case 'PartnerJoined': {
        if (!this.isOurs(event.data.consortiumId)) return {};
        const { partnerId, name, role, joinedAt } = event.data;
        const partner: DirectoryOrganization = { id: this.ids.organization(partnerId), partnerId, name, role, member: true, joinedAt, lastModified: joinedAt };
        this.partners.set(partnerId, partner);
        return { organizations: [partner], ...this.servicesOfPartner(partnerId, joinedAt) };
      }
      case 'PartnerLeft': {
        const partner = this.partners.get(event.data.partnerId);
        if (!this.isOurs(event.data.consortiumId) || !partner) return {};
        const { partnerId, leftAt } = event.data;
        Object.assign(partner, { member: false, leftAt, lastModified: leftAt });
        return { organizations: [partner], ...this.servicesOfPartner(partnerId, leftAt) };
      }
      case 'ServiceListed': {
        const at = event.data.listedAt;
        const listing: Listing = { state: serviceDecider.evolve(initialServiceState, event), listedAt: at, capacityUpdatedAt: at, lastModified: at };
        this.listings.set(event.data.serviceId, listing);
        return this.serviceChanges([listing]);
      }
      case 'ServiceUpdated':
        return this.change(event, event.data.updatedAt);
      case 'ServiceCapacityUpdated':
        return this.change(event, event.data.updatedAt, (listing) => (listing.capacityUpdatedAt = event.data.updatedAt));
      case 'ServiceWaitlistChanged':
        return this.change(event, event.data.changedAt);
      case 'ServiceWithdrawn':
        return this.change(event, event.data.withdrawnAt, (listing) => (listing.withdrawnAt = event.data.withdrawnAt));
      default:
        return {};
    }
  }

  private isOurs(consortiumId: string): boolean {
    return this.consortium?.consortiumId === consortiumId;
  }

  private change(event: ServiceEvent, at: string, also?: (listing: Listing) => void): DirectoryChanges {
    const listing = this.listings.get(event.data.serviceId);
    if (!listing) return {};
    listing.state = serviceDecider.evolve(listing.state, event);
    listing.lastModified = at;
    also?.(listing);
    return this.serviceChanges([listing]);
  }

  /** A partner joining or leaving changes whether its services are active. */
  private servicesOfPartner(partnerId: string, at: string): DirectoryChanges {
    const listings = [...this.listings.values()].filter((l) => l.state.partnerId === partnerId);
    listings.forEach((listing) => (listing.lastModified = at));
    return listings.length ? this.serviceChanges(listings) : {};
  }

  private serviceChanges(listings: Listing[]): DirectoryChanges {
    // Terms and locations come from the description: one left as it was (a capacity change) brings none new.
    const describedAnew = new Set(listings.filter((listing) => listing.published?.description !== listing.state.description));
    const services = listings.map((listing) => this.serviceOf(listing));
    if (describedAnew.size === 0) return { services };
    const described = services.filter((_, i) => describedAnew.has(listings[i]));
    const taxonomyTerms = described.flatMap((s) => s.terms).filter((link) => this.isNew(this.knownTerms, link.termId)).map((link) => this.termOf(link));
    const locations = described
      .flatMap((s) => s.serviceAreas.flatMap((area) => (area.postcodeDistrict ? [area.postcodeDistrict] : [])))
      .filter((district) => this.isNew(this.knownLocations, this.ids.location(district)))
      .map((district) => this.locationOf(district));
    return { services, ...(taxonomyTerms.length ? { taxonomyTerms } : {}), ...(locations.length ? { locations } : {}) };
  }

  private serviceOf(listing: Listing): DirectoryService {
    const record = this.freshServiceOf(listing);
    listing.published = { description: listing.state.description, record };
    return record;
  }

  /**
   * The service record as it now stands. Deriving ids (SHA-1 each) and terms is most of the cost of an event,
   * and a capacity change, the commonest, leaves the description object as it was: then only capacity,
   * status and dates are new.
   */
  private freshServiceOf(listing: Listing): DirectoryService {
    const { state, published } = listing;
    if (published && published.description === state.description) {
      const partnerIsMember = this.partners.get(state.partnerId!)?.member === true;
      const inactiveBecause = state.status === 'withdrawn' ? 'withdrawn' : partnerIsMember ? undefined : 'partner-left';
      const { inactiveBecause: _before, withdrawnAt: _withdrawn, ...previous } = published.record;
      return {
        ...previous,
        status: inactiveBecause ? 'inactive' : 'active',
        ...(inactiveBecause ? { inactiveBecause } : {}),
        capacity: {
          ...previous.capacity,
          ...state.capacity!,
          unitId: state.capacity!.unit === previous.capacity.unit ? previous.capacity.unitId : this.ids.capacityUnit(state.capacity!.unit),
          updatedAt: listing.capacityUpdatedAt,
          waitlist: state.waitlist,
        },
        ...(listing.withdrawnAt !== undefined ? { withdrawnAt: listing.withdrawnAt } : {}),
        lastModified: listing.lastModified,
      };
    }
    return this.builtServiceOf(listing);
  }

  private builtServiceOf(listing: Listing): DirectoryService {
    const { state } = listing;
    const serviceId = state.serviceId!;
    const partnerId = state.partnerId!;
    const description = state.description!;
    const capacity = state.capacity!;
    const partnerIsMember = this.partners.get(partnerId)?.member === true;
    const inactiveBecause = state.status === 'withdrawn' ? 'withdrawn' : partnerIsMember ? undefined : 'partner-left';
    const serviceAreas = unique(description.localities.map((l) => l.trim()).filter(Boolean)).map((name): DirectoryServiceArea => {
      const postcodeDistrict = postcodeDistrictOf(name);
      return { id: this.ids.serviceArea(serviceId, name), name, ...(postcodeDistrict ? { postcodeDistrict } : {}) };
    });
    const districts = unique(serviceAreas.flatMap((area) => (area.postcodeDistrict ? [area.postcodeDistrict] : [])));
    return {
      id: this.ids.service(serviceId),
      serviceId,
      partnerId,
      organizationId: this.ids.organization(partnerId),
      name: description.name,
      description: description.description,
      needs: [...description.needs],
      localities: [...description.localities],
      communities: [...description.communities],
      eligibility: { ...description.eligibility },
      status: inactiveBecause ? 'inactive' : 'active',
      ...(inactiveBecause ? { inactiveBecause } : {}),
      capacity: { id: this.ids.serviceCapacity(serviceId), unitId: this.ids.capacityUnit(capacity.unit), ...capacity, updatedAt: listing.capacityUpdatedAt, waitlist: state.waitlist },
      terms: [...this.termLinks(serviceId, 'needs', description.needs), ...this.termLinks(serviceId, 'communities', description.communities)],
      serviceAreas,
      serviceAtLocations: districts.map((district): DirectoryServiceAtLocation => ({ id: this.ids.serviceAtLocation(serviceId, district), locationId: this.ids.location(district) })),
      listedAt: listing.listedAt,
      ...(listing.withdrawnAt !== undefined ? { withdrawnAt: listing.withdrawnAt } : {}),
      lastModified: listing.lastModified,
    };
  }

  private termLinks(serviceId: string, taxonomy: DirectoryTaxonomyKey, codes: string[]): DirectoryTermLink[] {
    return unique(codes.map((c) => c.trim()).filter(Boolean)).map((code) => ({
      id: this.ids.attribute(serviceId, taxonomy, code),
      taxonomy,
      code,
      termId: this.ids.taxonomyTerm(taxonomy, code),
    }));
  }

  private termOf(link: DirectoryTermLink): DirectoryTaxonomyTerm {
    const name = termNameOf(link.code);
    return { id: link.termId, taxonomyId: this.ids.taxonomy(link.taxonomy), taxonomy: link.taxonomy, code: link.code, name, description: termDescriptionOf(link.taxonomy, name) };
  }

  private locationOf(postcodeDistrict: string): DirectoryLocation {
    return { id: this.ids.location(postcodeDistrict), postcodeDistrict, ...districtCentroid(postcodeDistrict) };
  }

  private isNew(known: Set<string>, id: string): boolean {
    if (known.has(id)) return false;
    known.add(id);
    return true;
  }
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
