import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@onedoor/platform';
import { OPEN_REFERRAL_PREFIX } from '../open-referral';
import { pageRequestOf } from '../page-query.dto';
import { OrganizationQueryDto } from './organization-query.dto';
import { GetOpenReferralOrganizationQuery, ListOpenReferralOrganizationsQuery } from './organization.queries';

@ApiTags('openreferral')
@Public()
@Controller(`${OPEN_REFERRAL_PREFIX}/organizations`)
export class OpenReferralOrganizationsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Organizations: the consortium partners, current and former' })
  list(@Query() query: OrganizationQueryDto) {
    return this.queryBus.execute(new ListOpenReferralOrganizationsQuery(query.search, pageRequestOf(query)));
  }

  @Get(':id')
  @ApiOperation({ summary: 'An organization with its services' })
  get(@Param('id') id: string) {
    return this.queryBus.execute(new GetOpenReferralOrganizationQuery(id));
  }
}
