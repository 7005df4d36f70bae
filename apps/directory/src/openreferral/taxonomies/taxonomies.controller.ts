import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@onedoor/platform';
import { OPEN_REFERRAL_PREFIX } from '../open-referral';
import { PageQueryDto, pageRequestOf } from '../page-query.dto';
import { GetOpenReferralTaxonomyQuery, ListOpenReferralTaxonomiesQuery } from './taxonomy.queries';

@ApiTags('openreferral')
@Public()
@Controller(`${OPEN_REFERRAL_PREFIX}/taxonomies`)
export class OpenReferralTaxonomiesController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Taxonomies: the needs services meet and the communities they are for, with their terms' })
  list(@Query() query: PageQueryDto) {
    return this.queryBus.execute(new ListOpenReferralTaxonomiesQuery(pageRequestOf(query)));
  }

  @Get(':id')
  @ApiOperation({ summary: 'A taxonomy with its terms' })
  get(@Param('id') id: string) {
    return this.queryBus.execute(new GetOpenReferralTaxonomyQuery(id));
  }
}
