import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@onedoor/platform';
import { OPEN_REFERRAL_PREFIX } from '../open-referral';
import { pageRequestOf } from '../page-query.dto';
import { TaxonomyTermQueryDto } from './taxonomy-term-query.dto';
import { GetOpenReferralTaxonomyTermQuery, ListOpenReferralTaxonomyTermsQuery } from './taxonomy-term.queries';

@ApiTags('openreferral')
@Public()
@Controller(`${OPEN_REFERRAL_PREFIX}/taxonomy_terms`)
export class OpenReferralTaxonomyTermsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Taxonomy terms: every need and community a service has named' })
  list(@Query() query: TaxonomyTermQueryDto) {
    return this.queryBus.execute(new ListOpenReferralTaxonomyTermsQuery({ search: query.search, taxonomyId: query.taxonomy_id }, pageRequestOf(query)));
  }

  @Get(':id')
  @ApiOperation({ summary: 'A taxonomy term' })
  get(@Param('id') id: string) {
    return this.queryBus.execute(new GetOpenReferralTaxonomyTermQuery(id));
  }
}
