import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { RuleViolation } from '@onedoor/domain';
import { ServiceCatalogue, ServiceFilter } from '@onedoor/projections';

export class GetServiceQuery {
  constructor(readonly serviceId: string) {}
}

export class SearchServicesQuery {
  constructor(readonly filter: ServiceFilter) {}
}

@QueryHandler(GetServiceQuery)
export class GetServiceHandler implements IQueryHandler<GetServiceQuery> {
  constructor(private readonly catalogue: ServiceCatalogue) {}

  async execute({ serviceId }: GetServiceQuery) {
    const service = this.catalogue.service(serviceId);
    if (!service) throw new RuleViolation('service.not-found', `no service ${serviceId}`, 'not-found');
    return service;
  }
}

@QueryHandler(SearchServicesQuery)
export class SearchServicesHandler implements IQueryHandler<SearchServicesQuery> {
  constructor(private readonly catalogue: ServiceCatalogue) {}

  async execute({ filter }: SearchServicesQuery) {
    return { items: this.catalogue.services(filter) };
  }
}
