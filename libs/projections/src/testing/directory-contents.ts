import { DirectoryReadModel } from '../directory/directory-read-model';

/** Everything a read model answers, by list and by id. */
export async function directoryContentsOf(directory: DirectoryReadModel) {
  const services = await directory.services();
  const organizations = await directory.organizations();
  const locations = await directory.locations();
  const taxonomies = await directory.taxonomies();
  const terms = await directory.taxonomyTerms();
  return {
    checkpoint: await directory.checkpoint(),
    consortium: await directory.consortium(),
    services, organizations, locations, taxonomies, terms,
    byId: await Promise.all([
      ...services.map((x) => directory.service(x.id)),
      ...services.flatMap((x) => x.serviceAtLocations.map((sal) => directory.serviceAtLocation(sal.id))),
      ...organizations.map((x) => directory.organization(x.id)),
      ...locations.map((x) => directory.location(x.id)),
      ...taxonomies.map((x) => directory.taxonomy(x.id)),
      ...terms.map((x) => directory.taxonomyTerm(x.id)),
    ]),
    unknown: await Promise.all([directory.service('nope'), directory.organization('nope'), directory.serviceAtLocation('nope'), directory.location('nope')]),
  };
}
