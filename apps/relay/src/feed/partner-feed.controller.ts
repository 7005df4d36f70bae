import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@onedoor/domain';
import { CurrentActor } from '@onedoor/platform';
import { GetPartnerFeedQuery } from './partner-feed.query';
import { PartnerFeedQueryDto } from './partner-feed-query.dto';

@ApiTags('partner streams')
@ApiBearerAuth()
@Controller('partners')
export class PartnerFeedController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':partnerId/events')
  @ApiOperation({
    summary: "A partner's pull feed: the same CloudEvents, in the same order, as its Kafka topics (see /asyncapi.json)",
    description: 'Page with `after` = the previous page\'s `next`. Delivery is at least once: dedupe on event.id.',
  })
  events(@Param('partnerId') partnerId: string, @Query() query: PartnerFeedQueryDto, @CurrentActor() actor: Actor) {
    return this.queryBus.execute(new GetPartnerFeedQuery(partnerId, actor, Number(query.after ?? 0), Number(query.limit ?? 100)));
  }
}
