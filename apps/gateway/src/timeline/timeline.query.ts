import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Actor } from '@onedoor/domain';
import { PersonalDataVault } from '@onedoor/personal-data';
import { AccessPolicy } from '@onedoor/platform';
import { PersonRegister, ReferralBook, personTimeline } from '@onedoor/projections';

export class GetPersonTimelineQuery {
  constructor(readonly personId: string, readonly actor: Actor) {}
}

/** The person's timeline, keeping only the referrals the caller sent, received or manages. */
@QueryHandler(GetPersonTimelineQuery)
export class GetPersonTimelineHandler implements IQueryHandler<GetPersonTimelineQuery> {
  constructor(private readonly register: PersonRegister, private readonly book: ReferralBook, private readonly vault: PersonalDataVault, private readonly access: AccessPolicy) {}

  async execute({ personId, actor }: GetPersonTimelineQuery) {
    this.access.visiblePerson(personId, actor);
    const visibleReferrals = new Set(this.book.forPerson(personId).filter((r) => this.access.maySeeReferral(actor, r)).map((r) => r.referralId));
    const entries = personTimeline(personId, this.register, this.book, this.vault).filter((e) => e.referralId === undefined || visibleReferrals.has(e.referralId));
    return { personId, entries };
  }
}
