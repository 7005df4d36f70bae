import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Actor } from '@onedoor/domain';
import { AccessPolicy, Clock } from '@onedoor/platform';
import { PersonRegister, ReferralBook } from '@onedoor/projections';
import { referralView } from './referral-view';

export class GetReferralQuery {
  constructor(readonly referralId: string, readonly actor: Actor) {}
}

export class GetReferralHistoryQuery {
  constructor(readonly referralId: string, readonly actor: Actor) {}
}

@QueryHandler(GetReferralQuery)
export class GetReferralHandler implements IQueryHandler<GetReferralQuery> {
  constructor(private readonly book: ReferralBook, private readonly register: PersonRegister, private readonly access: AccessPolicy, private readonly clock: Clock) {}

  async execute({ referralId, actor }: GetReferralQuery) {
    const referral = this.access.visibleReferral(referralId, actor);
    return referralView(referral, this.access.maySeePerson(actor, referral.personId), this.book, this.register, this.clock.now());
  }
}

@QueryHandler(GetReferralHistoryQuery)
export class GetReferralHistoryHandler implements IQueryHandler<GetReferralHistoryQuery> {
  constructor(private readonly access: AccessPolicy) {}

  async execute({ referralId, actor }: GetReferralHistoryQuery) {
    const referral = this.access.visibleReferral(referralId, actor);
    return { referralId, status: referral.status, history: referral.history };
  }
}
