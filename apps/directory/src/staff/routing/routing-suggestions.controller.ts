import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@onedoor/domain';
import { CurrentActor } from '@onedoor/platform';
import { DEFAULT_SUGGESTIONS, RoutingSuggestionsQueryDto } from './routing-suggestions-query.dto';
import { GetRoutingSuggestionsQuery } from './routing-suggestions.query';

@ApiTags('directory')
@ApiBearerAuth()
@Controller('people')
export class RoutingSuggestionsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':personId/routing-suggestions')
  @ApiOperation({ summary: "Services that fit the person's needs, age, place and consent, ranked by a score that explains itself" })
  suggestions(@Param('personId') personId: string, @Query() query: RoutingSuggestionsQueryDto, @CurrentActor() actor: Actor) {
    return this.queryBus.execute(new GetRoutingSuggestionsQuery(personId, query.needs, query.limit ?? DEFAULT_SUGGESTIONS, actor));
  }
}
