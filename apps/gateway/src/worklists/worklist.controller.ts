import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@onedoor/domain';
import { CurrentActor } from '@onedoor/platform';
import { GetWorklistQuery } from './worklist.query';
import { WorklistQueryDto } from './worklist-query.dto';

@ApiTags('worklists')
@ApiBearerAuth()
@Controller('partners')
export class WorklistController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':partnerId/worklist')
  @ApiOperation({ summary: "A partner's worklist: incoming, overdue, counts by status, and the referrals it sends or receives" })
  worklist(@Param('partnerId') partnerId: string, @Query() query: WorklistQueryDto, @CurrentActor() actor: Actor) {
    return this.queryBus.execute(new GetWorklistQuery(partnerId, actor, query.status, query.overdue));
  }
}
