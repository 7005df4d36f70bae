import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus, EventsHandler, IEventHandler } from '@nestjs/cqrs';
import type { Actor, PartnerLeft } from '@onedoor/domain';
import { CommittedEvent } from '@onedoor/platform';
import { ConsortiumRoster, ReferralBook } from '@onedoor/projections';
import { ReassignReferralCommand } from '../referrals/referral.commands';

/**
 * When a partner leaves naming a successor, its open referrals move there. It reacts to the committed
 * event, and at start it finishes any move a crash interrupted (the EventBus itself remembers nothing).
 */
@Injectable()
@EventsHandler(CommittedEvent)
export class PartnerExitProcess implements IEventHandler<CommittedEvent>, OnApplicationBootstrap {
  private readonly logger = new Logger('partner-exit');

  constructor(private readonly commandBus: CommandBus, private readonly roster: ConsortiumRoster, private readonly book: ReferralBook) {}

  handle({ recorded }: CommittedEvent): void {
    if (recorded.type !== 'PartnerLeft') return;
    const { partnerId, successorPartnerId, openReferralIds } = recorded.data as PartnerLeft['data'];
    if (successorPartnerId) void this.reassign(partnerId, successorPartnerId, openReferralIds);
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const former of this.roster.partners({ includeFormer: true }).filter((p) => !p.active && p.successorPartnerId)) {
      const stranded = this.book.openReferralIdsOf(former.partnerId);
      if (stranded.length > 0) await this.reassign(former.partnerId, former.successorPartnerId!, stranded);
    }
  }

  private async reassign(leaving: string, successor: string, referralIds: string[]): Promise<void> {
    const actor: Actor = { staffId: 'process:partner-exit', partnerId: successor, managesConsortium: true };
    for (const referralId of referralIds) {
      try {
        await this.commandBus.execute(new ReassignReferralCommand(referralId, leaving, successor, actor));
      } catch (error) {
        this.logger.error({ msg: 'could not reassign a referral', referralId, error: (error as Error).message });
      }
    }
    this.logger.log({ msg: 'open referrals moved to successor', leaving, successor, count: referralIds.length });
  }
}
