import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ContractCommand, contractDecider, streams } from '@onedoor/domain';
import { Clock, CommandExecutor } from '@onedoor/platform';
import { ConsortiumRoster } from '@onedoor/projections';
import { LiveOutcomes } from '../outcomes/live-outcomes';
import { ContractCommandMessage } from './contract.commands';

@CommandHandler(ContractCommandMessage)
export class ContractCommandHandler implements ICommandHandler<ContractCommandMessage> {
  constructor(private readonly executor: CommandExecutor, private readonly clock: Clock, private readonly roster: ConsortiumRoster, private readonly live: LiveOutcomes) {}

  async execute({ contractId, command, actor }: ContractCommandMessage) {
    const result = await this.executor.execute(contractDecider, {
      stream: streams.contract(contractId),
      command: () => ({ ...command, memberPartnerIds: this.roster.activePartnerIds(), actor, at: this.clock.now() }) as ContractCommand,
      metadata: { staffId: actor.staffId, partnerId: actor.partnerId },
    });
    // The outcomes read models have their own runner: answer once they show this write too.
    await this.live.current(result.position);
    return result;
  }
}
