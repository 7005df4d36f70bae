import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@onedoor/domain';
import { CurrentActor } from '@onedoor/platform';
import { GetReportQuery, ReportName } from './report.queries';
import { OutcomesQueryDto, ReportQueryDto } from './report-query.dto';

@ApiTags('insights')
@ApiBearerAuth()
@Controller('insights')
export class InsightsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('milestones')
  @ApiOperation({ summary: 'Milestones attained per participant, with the events that triggered them' })
  milestones(@Query() query: ReportQueryDto, @CurrentActor() actor: Actor) {
    return this.report('milestones', query, actor);
  }

  @Get('claims')
  @ApiOperation({ summary: 'The claims ledger per partner and month: milestone claims, adjustments, clawbacks and the hub fee' })
  claims(@Query() query: ReportQueryDto, @CurrentActor() actor: Actor) {
    return this.report('claims', query, actor);
  }

  @Get('delivery')
  @ApiOperation({ summary: 'Delivery against target per partner, casework and group attendances' })
  delivery(@Query() query: ReportQueryDto, @CurrentActor() actor: Actor) {
    return this.report('delivery', query, actor);
  }

  @Get('funnel')
  @ApiOperation({ summary: 'The referral funnel: received → accepted → first interaction → completed' })
  funnel(@Query() query: ReportQueryDto, @CurrentActor() actor: Actor) {
    return this.report('funnel', query, actor);
  }

  @Get('waiting-times')
  @ApiOperation({ summary: 'Days from receipt to first interaction, p50 and p90' })
  waitingTimes(@Query() query: ReportQueryDto, @CurrentActor() actor: Actor) {
    return this.report('waiting-times', query, actor);
  }

  @Get('outcomes')
  @ApiOperation({ summary: 'Outcomes by the community or locality the service serves' })
  outcomes(@Query() query: OutcomesQueryDto, @CurrentActor() actor: Actor) {
    return this.report('outcomes', query, actor);
  }

  private report(report: ReportName, query: ReportQueryDto, actor: Actor) {
    return this.queryBus.execute(new GetReportQuery(report, query, actor));
  }
}
