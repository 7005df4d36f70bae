import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ServiceCommand, serviceDecider, streams } from '@onedoor/domain';
import { Clock, CommandExecutor } from '@onedoor/platform';
import { ConsortiumRoster } from '@onedoor/projections';
import { DirectoryShareTurns } from './directory-share-turns';
import { ChangeServiceCommand, ListServiceCommand } from './service.commands';

@CommandHandler(ListServiceCommand)
export class ListServiceHandler implements ICommandHandler<ListServiceCommand> {
  constructor(private readonly executor: CommandExecutor, private readonly clock: Clock, private readonly roster: ConsortiumRoster, private readonly shares: DirectoryShareTurns) {}

  execute({ serviceId, description, capacity, actor }: ListServiceCommand) {
    return this.shares.inTurn(actor.partnerId, () =>
      this.executor.execute(serviceDecider, {
        stream: streams.service(serviceId),
        command: (): ServiceCommand => ({
          type: 'ListService', serviceId, ...description, capacity, partnerIsMember: this.roster.isActiveMember(actor.partnerId),
          directoryShare: this.shares.shareOf(actor.partnerId, description), actor, at: this.clock.now(),
        }),
        metadata: { staffId: actor.staffId, partnerId: actor.partnerId },
      }),
    );
  }
}

@CommandHandler(ChangeServiceCommand)
export class ChangeServiceHandler implements ICommandHandler<ChangeServiceCommand> {
  constructor(private readonly executor: CommandExecutor, private readonly clock: Clock, private readonly shares: DirectoryShareTurns) {}

  execute({ serviceId, change, actor, expectedVersion }: ChangeServiceCommand) {
    const write = () =>
      this.executor.execute(serviceDecider, {
        stream: streams.service(serviceId),
        command: (): ServiceCommand =>
          change.type === 'UpdateService'
            ? { ...change, directoryShare: this.shares.shareOf(actor.partnerId, change.changes), actor, at: this.clock.now() }
            : { ...change, actor, at: this.clock.now() },
        expectedVersion,
        metadata: { staffId: actor.staffId, partnerId: actor.partnerId },
      });
    // Only a description update can add terms or places; capacity, waitlist and withdrawal need no turn.
    return change.type === 'UpdateService' ? this.shares.inTurn(actor.partnerId, write) : write();
  }
}
