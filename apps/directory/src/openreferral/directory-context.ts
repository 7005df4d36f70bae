import type { DirectoryConsortium, DirectoryLocation, DirectoryOrganization, DirectoryReadModel, DirectoryTaxonomy, DirectoryTaxonomyTerm } from '@onedoor/projections';

/** The small, shared parts of the directory that every answer refers to, read once per request and looked up by id. */
export class DirectoryContext {
  private constructor(
    readonly consortium: DirectoryConsortium | undefined,
    private readonly organizationsById: Map<string, DirectoryOrganization>,
    private readonly taxonomiesById: Map<string, DirectoryTaxonomy>,
    private readonly termsById: Map<string, DirectoryTaxonomyTerm>,
    private readonly locationsById: Map<string, DirectoryLocation>,
  ) {}

  static async load(directory: DirectoryReadModel): Promise<DirectoryContext> {
    const [consortium, organizations, taxonomies, terms, locations] = await Promise.all([
      directory.consortium(),
      directory.organizations(),
      directory.taxonomies(),
      directory.taxonomyTerms(),
      directory.locations(),
    ]);
    const byId = <T extends { id: string }>(items: T[]) => new Map(items.map((item) => [item.id, item]));
    return new DirectoryContext(consortium, byId(organizations), byId(taxonomies), byId(terms), byId(locations));
  }

  organization(id: string): DirectoryOrganization | undefined {
    return this.organizationsById.get(id);
  }

  taxonomy(id: string): DirectoryTaxonomy | undefined {
    return this.taxonomiesById.get(id);
  }

  term(id: string): DirectoryTaxonomyTerm | undefined {
    return this.termsById.get(id);
  }

  location(id: string): DirectoryLocation | undefined {
    return this.locationsById.get(id);
  }

  locations(): DirectoryLocation[] {
    return [...this.locationsById.values()];
  }
}
