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
import type { DirectorySearch, DirectorySearchResult } from './directory-search';

/**
 * Where the directory's read model lives. Writes are synchronous, one batch per event with that event's
 * position (the checkpoint), because the projection runner applies an event everywhere before the next.
 * Reads are asynchronous, so a store across the network (Redis, for the distributed deployment) can
 * implement this too. An abstract class rather than an interface only so NestJS can inject it by type.
 */
export abstract class DirectoryReadModel {
  /**
   * Ready for a rebuild from position 0: an in-process store forgets everything; a store shared by several
   * instances (Redis) keeps what the others serve and skips the writes it already holds.
   */
  abstract clear(): void;

  /**
   * Stores everything one event changed, and its position as the checkpoint, all at once. The records
   * become the read model's: a writer never changes one after writing it. `eventId` is that event's id.
   */
  abstract write(changes: DirectoryChanges, position: number, eventId?: string): void;

  /** Position of the last event written: a store that outlives the process resumes after it. */
  abstract checkpoint(): Promise<number>;

  /**
   * What a read-model checkpoint keeps of this store, taken between two writes: its records when they live in
   * process memory, only the last position written when they live outside it (they are already kept there).
   */
  abstract snapshot(): unknown;

  /** Takes back what `snapshot()` gave; rejects when the store cannot be at that state (the runner then rebuilds). */
  abstract restore(state: unknown): Promise<void>;

  abstract consortium(): Promise<DirectoryConsortium | undefined>;

  /** Every partner that has been a member, current or former, by name. */
  abstract organizations(): Promise<DirectoryOrganization[]>;
  abstract organization(id: string): Promise<DirectoryOrganization | undefined>;

  /** Every service ever listed, active or not, by name. */
  abstract services(): Promise<DirectoryService[]>;
  abstract service(id: string): Promise<DirectoryService | undefined>;

  /** Postcode districts services are delivered in, by district. */
  abstract locations(): Promise<DirectoryLocation[]>;
  abstract location(id: string): Promise<DirectoryLocation | undefined>;
  abstract serviceAtLocation(id: string): Promise<DirectoryServiceAtLocationView | undefined>;

  abstract taxonomies(): Promise<DirectoryTaxonomy[]>;
  abstract taxonomy(id: string): Promise<DirectoryTaxonomy | undefined>;
  /** Every term any service has used, by taxonomy then name. */
  abstract taxonomyTerms(): Promise<DirectoryTaxonomyTerm[]>;
  abstract taxonomyTerm(id: string): Promise<DirectoryTaxonomyTerm | undefined>;

  /**
   * Staff search over active services, answered from indexes (by need, by community, by word) so it stays
   * fast with thousands of services: the total matching and one page of hits, nearest first when measuring.
   */
  abstract search(search: DirectorySearch): Promise<DirectorySearchResult>;

  /** Lets go of connections; a store in process memory has none. */
  async close(): Promise<void> {}
}
