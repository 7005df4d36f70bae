import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Actor, ReferralStatus, RuleViolation } from '@onedoor/domain';
import { Clock } from '@onedoor/platform';
import { ConsortiumRoster, ReferralBook } from '@onedoor/projections';

export class GetWorklistQuery {
  constructor(readonly partnerId: string, readonly actor: Actor, readonly status?: ReferralStatus[], readonly overdueOnly?: boolean) {}
}

@QueryHandler(GetWorklistQuery)
export class GetWorklistHandler implements IQueryHandler<GetWorklistQuery> {
  constructor(private readonly book: ReferralBook, private readonly roster: ConsortiumRoster, private readonly clock: Clock) {}

  async execute({ partnerId, actor, status, overdueOnly }: GetWorklistQuery) {
    if (actor.partnerId !== partnerId && !actor.managesConsortium) {
      throw new RuleViolation('worklist.not-yours', "you may see only your own partner's worklist", 'forbidden');
    }
    if (!this.roster.partner(partnerId)) throw new RuleViolation('partner.not-found', `no partner ${partnerId}`, 'not-found');
    const now = this.clock.now();
    return { partnerId, asOf: now, ...this.book.worklist(partnerId, { now, status, overdueOnly }) };
  }
}
