import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Actor, ReferralStatus, RuleViolation } from '@onedoor/domain';
import { AccessPolicy, Clock } from '@onedoor/platform';
import { ConsortiumRoster, PersonRegister, ReferralBook, WorklistItem } from '@onedoor/projections';

export class GetWorklistQuery {
  constructor(readonly partnerId: string, readonly actor: Actor, readonly status?: ReferralStatus[], readonly overdueOnly?: boolean) {}
}

@QueryHandler(GetWorklistQuery)
export class GetWorklistHandler implements IQueryHandler<GetWorklistQuery> {
  constructor(
    private readonly book: ReferralBook,
    private readonly roster: ConsortiumRoster,
    private readonly clock: Clock,
    private readonly register: PersonRegister,
    private readonly access: AccessPolicy,
  ) {}

  async execute({ partnerId, actor, status, overdueOnly }: GetWorklistQuery) {
    if (actor.partnerId !== partnerId && !actor.managesConsortium) {
      throw new RuleViolation('worklist.not-yours', "you may see only your own partner's worklist", 'forbidden');
    }
    if (!this.roster.partner(partnerId)) throw new RuleViolation('partner.not-found', `no partner ${partnerId}`, 'not-found');
    const now = this.clock.now();
    const worklist = this.book.worklist(partnerId, { now, status, overdueOnly });
    const named = (items: WorklistItem[]) => items.map((item) => this.withName(item, actor));
    return { partnerId, asOf: now, ...worklist, incoming: named(worklist.incoming), overdue: named(worklist.overdue), items: named(worklist.items) };
  }

  /** The person's name beside the item, only where the caller may see the person (as on the referral itself). */
  private withName(item: WorklistItem, actor: Actor) {
    const person = this.access.maySeePerson(actor, item.personId) ? this.register.nameOf(item.personId) : undefined;
    return person === undefined ? item : { ...item, person };
  }
}
