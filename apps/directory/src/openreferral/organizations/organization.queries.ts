import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { RuleViolation } from '@onedoor/domain';
import { DirectoryReadModel, normalisedText } from '@onedoor/projections';
import { DirectoryContext } from '../directory-context';
import { hsdsOrganization } from '../hsds/hsds-organization';
import { hsdsServiceSummary } from '../hsds/hsds-service';
import type { PageRequest } from '../page-query.dto';
import { pageOf } from '../page';

export class ListOpenReferralOrganizationsQuery {
  constructor(readonly search: string | undefined, readonly page: PageRequest) {}
}

export class GetOpenReferralOrganizationQuery {
  constructor(readonly id: string) {}
}

/** Every partner that has been a member, former ones too: their services (now inactive) still point at them. */
@QueryHandler(ListOpenReferralOrganizationsQuery)
export class ListOpenReferralOrganizationsHandler implements IQueryHandler<ListOpenReferralOrganizationsQuery> {
  constructor(private readonly directory: DirectoryReadModel) {}

  async execute({ search, page }: ListOpenReferralOrganizationsQuery) {
    const consortium = await this.directory.consortium();
    const words = search ? normalisedText(search).split(' ').filter(Boolean) : [];
    const matching = (await this.directory.organizations()).filter((o) => words.every((w) => normalisedText(o.name).includes(w)));
    const { contents, ...envelope } = pageOf(matching, page.page, page.perPage);
    return { ...envelope, contents: contents.map((o) => hsdsOrganization(o, consortium)) };
  }
}

@QueryHandler(GetOpenReferralOrganizationQuery)
export class GetOpenReferralOrganizationHandler implements IQueryHandler<GetOpenReferralOrganizationQuery> {
  constructor(private readonly directory: DirectoryReadModel) {}

  async execute({ id }: GetOpenReferralOrganizationQuery) {
    const organization = await this.directory.organization(id);
    if (!organization) throw new RuleViolation('openreferral.organization-not-found', `no organization ${id}`, 'not-found');
    const context = await DirectoryContext.load(this.directory);
    const services = (await this.directory.services()).filter((s) => s.organizationId === id);
    return { ...hsdsOrganization(organization, context.consortium), services: services.map((s) => hsdsServiceSummary(s, context, { withOrganization: false })) };
  }
}
