import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@onedoor/platform';
import { OPEN_REFERRAL_PREFIX } from '../open-referral';
import { pageRequestOf } from '../page-query.dto';
import { serviceFilterOf } from '../services/service-query.dto';
import { ServiceAtLocationQueryDto, placeFilterOf } from './service-at-location-query.dto';
import { GetOpenReferralServiceAtLocationQuery, ListOpenReferralServiceAtLocationsQuery } from './service-at-location.queries';

@ApiTags('openreferral')
@Public()
@Controller(`${OPEN_REFERRAL_PREFIX}/service_at_locations`)
export class OpenReferralServiceAtLocationsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Services at locations (postcode districts), with the service filters plus postcode and proximity' })
  list(@Query() query: ServiceAtLocationQueryDto) {
    return this.queryBus.execute(new ListOpenReferralServiceAtLocationsQuery(serviceFilterOf(query), placeFilterOf(query), pageRequestOf(query)));
  }

  @Get(':id')
  @ApiOperation({ summary: 'A service at a location, fully nested' })
  get(@Param('id') id: string) {
    return this.queryBus.execute(new GetOpenReferralServiceAtLocationQuery(id));
  }
}
