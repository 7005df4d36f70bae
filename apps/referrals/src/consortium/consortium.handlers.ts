import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ConsortiumCommand, consortiumDecider, streams } from '@onedoor/domain';
import { Clock, CommandExecutor, ONEDOOR_CONFIG, OnedoorConfig } from '@onedoor/platform';
import { ReferralBook } from '@onedoor/projections';
import { AdmitPartnerCommand, FormConsortiumCommand, RemovePartnerCommand } from './consortium.commands';

/** All three consortium commands write to the one consortium stream; they differ only in the domain command. */
abstract class ConsortiumHandler {
  constructor(
    protected readonly executor: CommandExecutor,
    protected readonly clock: Clock,
    @Inject(ONEDOOR_CONFIG) protected readonly config: OnedoorConfig,
  ) {}

  protected run(command: ConsortiumCommand, staffId?: string, partnerId?: string) {
    return this.executor.execute(consortiumDecider, {
      stream: streams.consortium(this.config.CONSORTIUM_ID),
      command: () => command,
      metadata: { staffId, partnerId },
    });
  }

}

@CommandHandler(FormConsortiumCommand)
export class FormConsortiumHandler extends ConsortiumHandler implements ICommandHandler<FormConsortiumCommand> {
  execute({ name, structure, actor }: FormConsortiumCommand) {
    return this.run({ type: 'FormConsortium', consortiumId: this.config.CONSORTIUM_ID, name, structure, at: this.clock.now(), ...(actor ? { actor: { managesConsortium: actor.managesConsortium } } : {}) }, actor?.staffId, actor?.partnerId);
  }
}

@CommandHandler(AdmitPartnerCommand)
export class AdmitPartnerHandler extends ConsortiumHandler implements ICommandHandler<AdmitPartnerCommand> {
  execute({ partnerId, name, role, actor }: AdmitPartnerCommand) {
    return this.run({ type: 'AdmitPartner', partnerId, name, role, actor, at: this.clock.now() }, actor?.staffId, actor?.partnerId);
  }
}

@CommandHandler(RemovePartnerCommand)
export class RemovePartnerHandler extends ConsortiumHandler implements ICommandHandler<RemovePartnerCommand> {
  constructor(executor: CommandExecutor, clock: Clock, @Inject(ONEDOOR_CONFIG) config: OnedoorConfig, private readonly book: ReferralBook) {
    super(executor, clock, config);
  }
  execute({ partnerId, successorPartnerId, actor }: RemovePartnerCommand) {
    const openReferralIds = this.book.openReferralIdsOf(partnerId);
    return this.run({ type: 'RemovePartner', partnerId, successorPartnerId, openReferralIds, actor, at: this.clock.now() }, actor.staffId, actor.partnerId);
  }
}
