import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { RuleViolation } from '@onedoor/domain';
import { DirectoryReadModel } from '@onedoor/projections';
import { hsdsTaxonomy } from '../hsds/hsds-taxonomy';
import type { PageRequest } from '../page-query.dto';
import { pageOf } from '../page';

export class ListOpenReferralTaxonomiesQuery {
  constructor(readonly page: PageRequest) {}
}

export class GetOpenReferralTaxonomyQuery {
  constructor(readonly id: string) {}
}

@QueryHandler(ListOpenReferralTaxonomiesQuery)
export class ListOpenReferralTaxonomiesHandler implements IQueryHandler<ListOpenReferralTaxonomiesQuery> {
  constructor(private readonly directory: DirectoryReadModel) {}

  async execute({ page }: ListOpenReferralTaxonomiesQuery) {
    const terms = await this.directory.taxonomyTerms();
    const { contents, ...envelope } = pageOf(await this.directory.taxonomies(), page.page, page.perPage);
    return { ...envelope, contents: contents.map((t) => hsdsTaxonomy(t, terms)) };
  }
}

@QueryHandler(GetOpenReferralTaxonomyQuery)
export class GetOpenReferralTaxonomyHandler implements IQueryHandler<GetOpenReferralTaxonomyQuery> {
  constructor(private readonly directory: DirectoryReadModel) {}

  async execute({ id }: GetOpenReferralTaxonomyQuery) {
    const taxonomy = await this.directory.taxonomy(id);
    if (!taxonomy) throw new RuleViolation('openreferral.taxonomy-not-found', `no taxonomy ${id}`, 'not-found');
    return hsdsTaxonomy(taxonomy, await this.directory.taxonomyTerms());
  }
}
