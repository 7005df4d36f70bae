import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { RuleViolation } from '@onedoor/domain';
import { DirectoryReadModel, normalisedText } from '@onedoor/projections';
import { hsdsTaxonomyTerm } from '../hsds/hsds-taxonomy';
import type { PageRequest } from '../page-query.dto';
import { pageOf } from '../page';

export class ListOpenReferralTaxonomyTermsQuery {
  constructor(readonly filter: { search?: string; taxonomyId?: string }, readonly page: PageRequest) {}
}

export class GetOpenReferralTaxonomyTermQuery {
  constructor(readonly id: string) {}
}

@QueryHandler(ListOpenReferralTaxonomyTermsQuery)
export class ListOpenReferralTaxonomyTermsHandler implements IQueryHandler<ListOpenReferralTaxonomyTermsQuery> {
  constructor(private readonly directory: DirectoryReadModel) {}

  async execute({ filter, page }: ListOpenReferralTaxonomyTermsQuery) {
    const taxonomies = new Map((await this.directory.taxonomies()).map((t) => [t.id, t]));
    const words = filter.search ? normalisedText(filter.search).split(' ').filter(Boolean) : [];
    const matching = (await this.directory.taxonomyTerms()).filter(
      (t) => (filter.taxonomyId === undefined || t.taxonomyId === filter.taxonomyId) && words.every((w) => normalisedText(`${t.name} ${t.code}`).includes(w)),
    );
    const { contents, ...envelope } = pageOf(matching, page.page, page.perPage);
    return { ...envelope, contents: contents.map((t) => hsdsTaxonomyTerm(t, taxonomies.get(t.taxonomyId))) };
  }
}

@QueryHandler(GetOpenReferralTaxonomyTermQuery)
export class GetOpenReferralTaxonomyTermHandler implements IQueryHandler<GetOpenReferralTaxonomyTermQuery> {
  constructor(private readonly directory: DirectoryReadModel) {}

  async execute({ id }: GetOpenReferralTaxonomyTermQuery) {
    const term = await this.directory.taxonomyTerm(id);
    if (!term) throw new RuleViolation('openreferral.taxonomy-term-not-found', `no taxonomy term ${id}`, 'not-found');
    return hsdsTaxonomyTerm(term, await this.directory.taxonomy(term.taxonomyId));
  }
}
