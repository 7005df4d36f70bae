import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { RuleViolation } from '@onedoor/domain';
import { DirectoryReadModel, DirectoryServiceAtLocationView } from '@onedoor/projections';
import { DirectoryContext } from '../directory-context';
import { hsdsLocation } from '../hsds/hsds-location';
import { hsdsService, hsdsServiceSummary } from '../hsds/hsds-service';
import type { PageRequest } from '../page-query.dto';
import { pageOf } from '../page';
import { PlaceFilter, locationsReached } from '../place-filter';
import { ServiceFilter, servicesMatching } from '../service-filter';

export class ListOpenReferralServiceAtLocationsQuery {
  constructor(readonly filter: ServiceFilter, readonly place: PlaceFilter | undefined, readonly page: PageRequest) {}
}

export class GetOpenReferralServiceAtLocationQuery {
  constructor(readonly id: string) {}
}

/** Services where they are delivered: one entry per service and postcode district, by service name; nearest first with proximity. */
@QueryHandler(ListOpenReferralServiceAtLocationsQuery)
export class ListOpenReferralServiceAtLocationsHandler implements IQueryHandler<ListOpenReferralServiceAtLocationsQuery> {
  constructor(private readonly directory: DirectoryReadModel) {}

  async execute({ filter, place, page }: ListOpenReferralServiceAtLocationsQuery) {
    const context = await DirectoryContext.load(this.directory);
    let entries: DirectoryServiceAtLocationView[] = servicesMatching(await this.directory.services(), filter, context).flatMap((service) =>
      service.serviceAtLocations.flatMap((sal) => {
        const location = context.location(sal.locationId);
        return location ? [{ id: sal.id, service, location }] : [];
      }),
    );
    if (place) {
      const reached = locationsReached(context.locations(), place);
      const rank = new Map(reached.map((r, index) => [r.location.id, index]));
      entries = entries.filter((e) => rank.has(e.location.id));
      if (place.proximity !== undefined) entries.sort((a, b) => rank.get(a.location.id)! - rank.get(b.location.id)!);
    }
    const { contents, ...envelope } = pageOf(entries, page.page, page.perPage);
    return {
      ...envelope,
      contents: contents.map((e) => ({ id: e.id, service_id: e.service.id, location_id: e.location.id, location: hsdsLocation(e.location), service: hsdsServiceSummary(e.service, context) })),
    };
  }
}

@QueryHandler(GetOpenReferralServiceAtLocationQuery)
export class GetOpenReferralServiceAtLocationHandler implements IQueryHandler<GetOpenReferralServiceAtLocationQuery> {
  constructor(private readonly directory: DirectoryReadModel) {}

  async execute({ id }: GetOpenReferralServiceAtLocationQuery) {
    const found = await this.directory.serviceAtLocation(id);
    if (!found) throw new RuleViolation('openreferral.service-at-location-not-found', `no service at location ${id}`, 'not-found');
    const context = await DirectoryContext.load(this.directory);
    return {
      id: found.id,
      service_id: found.service.id,
      location_id: found.location.id,
      location: hsdsLocation(found.location),
      service: hsdsService(found.service, context, { withServiceAtLocations: false }),
    };
  }
}
