import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@onedoor/platform';
import { OPEN_REFERRAL_PREFIX } from '../open-referral';
import { pageRequestOf } from '../page-query.dto';
import { ServiceQueryDto, serviceFilterOf } from './service-query.dto';
import { GetOpenReferralServiceQuery, ListOpenReferralServicesQuery } from './service.queries';

@ApiTags('openreferral')
@Public()
@Controller(`${OPEN_REFERRAL_PREFIX}/services`)
export class OpenReferralServicesController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Services (HSDS 3.0, UK profile), a page at a time; every filter given must hold' })
  list(@Query() query: ServiceQueryDto) {
    return this.queryBus.execute(new ListOpenReferralServicesQuery(serviceFilterOf(query), pageRequestOf(query)));
  }

  @Get(':id')
  @ApiOperation({ summary: 'A fully nested service: organization, locations, areas, taxonomy terms and capacity' })
  get(@Param('id') id: string) {
    return this.queryBus.execute(new GetOpenReferralServiceQuery(id));
  }
}
