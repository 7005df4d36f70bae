import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Actor, RuleViolation } from '@onedoor/domain';
import type { EventStore } from '@onedoor/event-store';
import { EVENT_STORE } from '@onedoor/platform';
import { ConsortiumRoster } from '@onedoor/projections';
import { PartnerFeed } from './partner-feed';

export class GetPartnerFeedQuery {
  constructor(readonly partnerId: string, readonly actor: Actor, readonly after: number, readonly limit: number) {}
}

/** How long a read waits for the feed to take in what is already committed (read-your-writes), at most. */
const CATCH_UP_MS = 2_000;

/** A partner reads its own feed; the consortium's manager may read any partner's (it oversees every referral), without personal data. */
export function ensureOwnPartnerOrManager(actor: Actor, partnerId: string, roster: ConsortiumRoster, what: string): void {
  if (actor.partnerId !== partnerId && !actor.managesConsortium) {
    throw new RuleViolation(`${what}.not-yours`, `you may use only your own partner's ${what}`, 'forbidden');
  }
  if (!roster.partner(partnerId)) throw new RuleViolation('partner.not-found', `no partner ${partnerId}`, 'not-found');
}

@QueryHandler(GetPartnerFeedQuery)
export class GetPartnerFeedHandler implements IQueryHandler<GetPartnerFeedQuery> {
  constructor(private readonly feed: PartnerFeed, private readonly roster: ConsortiumRoster, @Inject(EVENT_STORE) private readonly events: EventStore) {}

  async execute({ partnerId, actor, after, limit }: GetPartnerFeedQuery) {
    ensureOwnPartnerOrManager(actor, partnerId, this.roster, 'feed');
    await this.feed.caughtUp(await this.events.headPosition(), CATCH_UP_MS);
    const page = await this.feed.page(partnerId, after, limit, { withPersonal: actor.partnerId === partnerId });
    return { partnerId, after, ...page };
  }
}
