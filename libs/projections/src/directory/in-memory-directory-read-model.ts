import type {
  DirectoryChanges,
  DirectoryConsortium,
  DirectoryLocation,
  DirectoryOrganization,
  DirectoryService,
  DirectoryServiceAtLocationView,
  DirectoryTaxonomy,
  DirectoryTaxonomyTerm,
} from './directory-records';
import { DirectoryReadModel } from './directory-read-model';
import { DirectorySearch, DirectorySearchResult, filterAndOrder } from './directory-search';
import { DirectorySearchIndex } from './directory-search-index';
import { mapOf, snapshotShaped } from '../checkpoints/snapshot-shape';

/** The records as written; the search index is left out and rebuilt at the first search, as after a rebuild. */
interface InMemoryDirectorySnapshot {
  position: number;
  consortiumRecord: DirectoryConsortium | undefined;
  organizationsById: Map<string, DirectoryOrganization>;
  servicesById: Map<string, DirectoryService>;
  locationsById: Map<string, DirectoryLocation>;
  taxonomiesById: Map<string, DirectoryTaxonomy>;
  termsById: Map<string, DirectoryTaxonomyTerm>;
  serviceOfServiceAtLocation: Map<string, string>;
}
const SNAPSHOT_MAPS = ['organizationsById', 'servicesById', 'locationsById', 'taxonomiesById', 'termsById', 'serviceOfServiceAtLocation'] as const;

const copy = <T>(value: T): T => structuredClone(value);
/**
 * Services are copied out by hand: they change at every capacity update, and structuredClone was
 * most of a rebuild's time. Every nested object and array of DirectoryService is copied here (keep it so).
 */
const copyService = (s: DirectoryService): DirectoryService => ({
  ...s,
  needs: [...s.needs],
  localities: [...s.localities],
  communities: [...s.communities],
  eligibility: { ...s.eligibility },
  capacity: { ...s.capacity },
  terms: s.terms.map((t) => ({ ...t })),
  serviceAreas: s.serviceAreas.map((a) => ({ ...a })),
  serviceAtLocations: s.serviceAtLocations.map((sal) => ({ ...sal })),
});
const sameIds = (a: { id: string }[], b: { id: string }[]) => a.length === b.length && a.every((x, i) => x.id === b[i].id);
const byName = (a: { name: string; id: string }, b: { name: string; id: string }) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

/** The directory read model in process memory: the embedded default, rebuilt from the log at every start. */
export class InMemoryDirectoryReadModel extends DirectoryReadModel {
  private position = 0;
  private consortiumRecord: DirectoryConsortium | undefined;
  private organizationsById = new Map<string, DirectoryOrganization>();
  private servicesById = new Map<string, DirectoryService>();
  private locationsById = new Map<string, DirectoryLocation>();
  private taxonomiesById = new Map<string, DirectoryTaxonomy>();
  private termsById = new Map<string, DirectoryTaxonomyTerm>();
  /** service_at_location id → the service that holds it. */
  private serviceOfServiceAtLocation = new Map<string, string>();
  private readonly index = new DirectorySearchIndex();
  /**
   * Services written since the last search. Indexing waits for the next search, so a service changed many
   * times between searches (a rebuild replays every capacity change) is indexed once, as it stands.
   */
  private readonly unindexed = new Set<string>();

  clear(): void {
    this.position = 0;
    this.consortiumRecord = undefined;
    for (const map of [this.organizationsById, this.servicesById, this.locationsById, this.taxonomiesById, this.termsById, this.serviceOfServiceAtLocation]) map.clear();
    this.index.clear();
    this.unindexed.clear();
  }

  write(changes: DirectoryChanges, position: number): void {
    if (changes.consortium) this.consortiumRecord = copy(changes.consortium);
    changes.organizations?.forEach((o) => this.organizationsById.set(o.id, copy(o)));
    changes.locations?.forEach((l) => this.locationsById.set(l.id, copy(l)));
    changes.taxonomies?.forEach((t) => this.taxonomiesById.set(t.id, copy(t)));
    changes.taxonomyTerms?.forEach((t) => this.termsById.set(t.id, copy(t)));
    for (const service of changes.services ?? []) {
      const before = this.servicesById.get(service.id)?.serviceAtLocations ?? [];
      // Most writes are capacity changes, which leave the service's locations as they were.
      if (!sameIds(before, service.serviceAtLocations)) {
        before.forEach((sal) => this.serviceOfServiceAtLocation.delete(sal.id));
        service.serviceAtLocations.forEach((sal) => this.serviceOfServiceAtLocation.set(sal.id, service.id));
      }
      // Kept as given (the writer never changes a record it wrote); copied on the way out instead.
      this.servicesById.set(service.id, service);
      this.unindexed.add(service.id);
    }
    this.position = position;
  }

  async checkpoint(): Promise<number> {
    return this.position;
  }

  snapshot(): InMemoryDirectorySnapshot {
    const { position, consortiumRecord, organizationsById, servicesById, locationsById, taxonomiesById, termsById, serviceOfServiceAtLocation } = this;
    return { position, consortiumRecord, organizationsById, servicesById, locationsById, taxonomiesById, termsById, serviceOfServiceAtLocation };
  }

  async restore(state: unknown): Promise<void> {
    const saved = snapshotShaped<InMemoryDirectorySnapshot>(state, 'directory read model', ['position', 'consortiumRecord', ...SNAPSHOT_MAPS]);
    SNAPSHOT_MAPS.forEach((field) => mapOf(saved[field], 'directory read model', field));
    this.clear();
    Object.assign(this, saved);
    for (const id of this.servicesById.keys()) this.unindexed.add(id);
  }

  async consortium(): Promise<DirectoryConsortium | undefined> {
    return this.consortiumRecord && copy(this.consortiumRecord);
  }

  async organizations(): Promise<DirectoryOrganization[]> {
    return [...this.organizationsById.values()].sort(byName).map(copy);
  }

  async organization(id: string): Promise<DirectoryOrganization | undefined> {
    return this.found(this.organizationsById, id);
  }

  async services(): Promise<DirectoryService[]> {
    return [...this.servicesById.values()].sort((a, b) => a.name.localeCompare(b.name) || a.serviceId.localeCompare(b.serviceId)).map(copyService);
  }

  async service(id: string): Promise<DirectoryService | undefined> {
    const service = this.servicesById.get(id);
    return service && copyService(service);
  }

  async locations(): Promise<DirectoryLocation[]> {
    return [...this.locationsById.values()].sort((a, b) => a.postcodeDistrict.localeCompare(b.postcodeDistrict, 'en', { numeric: true })).map(copy);
  }

  async location(id: string): Promise<DirectoryLocation | undefined> {
    return this.found(this.locationsById, id);
  }

  async serviceAtLocation(id: string): Promise<DirectoryServiceAtLocationView | undefined> {
    const service = this.servicesById.get(this.serviceOfServiceAtLocation.get(id) ?? '');
    const link = service?.serviceAtLocations.find((sal) => sal.id === id);
    const location = link && this.locationsById.get(link.locationId);
    return location && { id, service: copyService(service!), location: copy(location) };
  }

  async taxonomies(): Promise<DirectoryTaxonomy[]> {
    return [...this.taxonomiesById.values()].sort(byName).map(copy);
  }

  async taxonomy(id: string): Promise<DirectoryTaxonomy | undefined> {
    return this.found(this.taxonomiesById, id);
  }

  async taxonomyTerms(): Promise<DirectoryTaxonomyTerm[]> {
    return [...this.termsById.values()].sort((a, b) => a.taxonomy.localeCompare(b.taxonomy) || byName(a, b)).map(copy);
  }

  async taxonomyTerm(id: string): Promise<DirectoryTaxonomyTerm | undefined> {
    return this.found(this.termsById, id);
  }

  async search(search: DirectorySearch): Promise<DirectorySearchResult> {
    this.indexWrittenServices();
    const { total, page } = filterAndOrder(this.index.candidates(search), search, this.index.nameRank());
    const hits = page.map(({ entry, distanceMetres, nearestDistrict }) => ({
      service: copyService(this.servicesById.get(entry.id)!),
      ...(distanceMetres !== undefined ? { distanceMetres, nearestDistrict } : {}),
    }));
    return { total, hits };
  }

  private indexWrittenServices(): void {
    for (const id of this.unindexed) {
      const service = this.servicesById.get(id)!;
      this.index.put(service, this.organizationsById.get(service.organizationId)?.name);
    }
    this.unindexed.clear();
  }

  private found<T>(map: Map<string, T>, id: string): T | undefined {
    const value = map.get(id);
    return value && copy(value);
  }
}
