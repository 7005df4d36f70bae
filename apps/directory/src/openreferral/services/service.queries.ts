import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { RuleViolation } from '@onedoor/domain';
import { DirectoryReadModel } from '@onedoor/projections';
import { DirectoryContext } from '../directory-context';
import { hsdsService, hsdsServiceSummary } from '../hsds/hsds-service';
import type { PageRequest } from '../page-query.dto';
import { pageOf } from '../page';
import { ServiceFilter, servicesMatching } from '../service-filter';

export class ListOpenReferralServicesQuery {
  constructor(readonly filter: ServiceFilter, readonly page: PageRequest) {}
}

export class GetOpenReferralServiceQuery {
  constructor(readonly id: string) {}
}

@QueryHandler(ListOpenReferralServicesQuery)
export class ListOpenReferralServicesHandler implements IQueryHandler<ListOpenReferralServicesQuery> {
  constructor(private readonly directory: DirectoryReadModel) {}

  async execute({ filter, page }: ListOpenReferralServicesQuery) {
    const context = await DirectoryContext.load(this.directory);
    const matching = servicesMatching(await this.directory.services(), filter, context);
    const { contents, ...envelope } = pageOf(matching, page.page, page.perPage);
    return { ...envelope, contents: contents.map((service) => hsdsServiceSummary(service, context)) };
  }
}

@QueryHandler(GetOpenReferralServiceQuery)
export class GetOpenReferralServiceHandler implements IQueryHandler<GetOpenReferralServiceQuery> {
  constructor(private readonly directory: DirectoryReadModel) {}

  async execute({ id }: GetOpenReferralServiceQuery) {
    const service = await this.directory.service(id);
    if (!service) throw new RuleViolation('openreferral.service-not-found', `no service ${id}`, 'not-found');
    return hsdsService(service, await DirectoryContext.load(this.directory));
  }
}
