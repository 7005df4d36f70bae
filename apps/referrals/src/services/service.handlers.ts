import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ServiceCommand, serviceDecider, streams } from '@onedoor/domain';
import { Clock, CommandExecutor } from '@onedoor/platform';
import { ConsortiumRoster } from '@onedoor/projections';
import { ChangeServiceCommand, ListServiceCommand } from './service.commands';

@CommandHandler(ListServiceCommand)
export class ListServiceHandler implements ICommandHandler<ListServiceCommand> {
  constructor(private readonly executor: CommandExecutor, private readonly clock: Clock, private readonly roster: ConsortiumRoster) {}

  execute({ serviceId, description, capacity, actor }: ListServiceCommand) {
    return this.executor.execute(serviceDecider, {
      stream: streams.service(serviceId),
      command: (): ServiceCommand => ({ type: 'ListService', serviceId, ...description, capacity, partnerIsMember: this.roster.isActiveMember(actor.partnerId), actor, at: this.clock.now() }),
      metadata: { staffId: actor.staffId, partnerId: actor.partnerId },
    });
  }
}

@CommandHandler(ChangeServiceCommand)
export class ChangeServiceHandler implements ICommandHandler<ChangeServiceCommand> {
  constructor(private readonly executor: CommandExecutor, private readonly clock: Clock) {}

  execute({ serviceId, change, actor, expectedVersion }: ChangeServiceCommand) {
    return this.executor.execute(serviceDecider, {
      stream: streams.service(serviceId),
      command: (): ServiceCommand => ({ ...change, actor, at: this.clock.now() }),
      expectedVersion,
      metadata: { staffId: actor.staffId, partnerId: actor.partnerId },
    });
  }
}
