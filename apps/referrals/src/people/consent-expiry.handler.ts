import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CONSENT_EXPIRY_ACTOR, PersonCommand, personDecider, streams } from '@onedoor/domain';
import { CommandExecutor } from '@onedoor/platform';
import { RecordConsentExpiryCommand } from './consent-expiry.command';

/** The system records a lapse; no staff member or partner acts, so the metadata names the process. */
@CommandHandler(RecordConsentExpiryCommand)
export class RecordConsentExpiryHandler implements ICommandHandler<RecordConsentExpiryCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ personId, consentId, at }: RecordConsentExpiryCommand) {
    return this.executor.execute(personDecider, {
      stream: streams.person(personId),
      command: (): PersonCommand => ({ type: 'RecordConsentExpiry', consentId, actor: CONSENT_EXPIRY_ACTOR, at }),
      metadata: { staffId: `system:${CONSENT_EXPIRY_ACTOR.system}` },
    });
  }
}
