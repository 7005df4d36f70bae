import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, RuleViolation } from '@onedoor/domain';
import { Clock, CurrentActor } from '@onedoor/platform';
import { ConsortiumRoster, ReferralBook } from '@onedoor/projections';
import { WorklistQueryDto } from './worklist-query.dto';

@ApiTags('worklists')
@ApiBearerAuth()
@Controller('partners')
export class WorklistController {
  constructor(private readonly book: ReferralBook, private readonly roster: ConsortiumRoster, private readonly clock: Clock) {}

  @Get(':partnerId/worklist')
  @ApiOperation({ summary: "A partner's worklist: incoming, overdue, counts by status, and the referrals it sends or receives" })
  worklist(@Param('partnerId') partnerId: string, @Query() query: WorklistQueryDto, @CurrentActor() actor: Actor) {
    if (actor.partnerId !== partnerId && !actor.managesConsortium) {
      throw new RuleViolation('worklist.not-yours', "you may see only your own partner's worklist", 'forbidden');
    }
    if (!this.roster.partner(partnerId)) throw new RuleViolation('partner.not-found', `no partner ${partnerId}`, 'not-found');
    return { partnerId, asOf: this.clock.now(), ...this.book.worklist(partnerId, { now: this.clock.now(), status: query.status, overdueOnly: query.overdue }) };
  }
}
