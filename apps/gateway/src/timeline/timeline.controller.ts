import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@onedoor/domain';
import { CurrentActor } from '@onedoor/platform';
import { GetPersonTimelineQuery } from './timeline.query';

@ApiTags('people')
@ApiBearerAuth()
@Controller('people')
export class TimelineController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':personId/timeline')
  @ApiOperation({ summary: 'Everything about a person that your partner may see under their consent, oldest first' })
  timeline(@Param('personId') personId: string, @CurrentActor() actor: Actor) {
    return this.queryBus.execute(new GetPersonTimelineQuery(personId, actor));
  }
}
