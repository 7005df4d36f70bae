import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { PersonCommand, PersonalDetails, RuleViolation, SealedPersonalData, definedOnly, personDecider, streams } from '@onedoor/domain';
import { ERASED, PersonalDataVault } from '@onedoor/personal-data';
import { AccessPolicy, Clock, CommandExecutor, IdempotencyStore } from '@onedoor/platform';
import { ConsortiumRoster, PersonRegister } from '@onedoor/projections';
import { ChangePersonCommand, RegisterPersonCommand } from './person.commands';

const UNREADABLE: SealedPersonalData = { alg: 'A256GCM', iv: '', ciphertext: '', tag: '' };

@CommandHandler(RegisterPersonCommand)
export class RegisterPersonHandler implements ICommandHandler<RegisterPersonCommand> {
  constructor(private readonly executor: CommandExecutor, private readonly clock: Clock, private readonly vault: PersonalDataVault, private readonly register: PersonRegister, private readonly access: AccessPolicy) {}

  async execute({ personId, details, confirmedNotDuplicate, actor }: RegisterPersonCommand) {
    const duplicates = this.access.possibleDuplicatesFor(actor, this.register.possibleDuplicates(details.givenName, details.familyName, details.dateOfBirth));
    return this.executor.execute(personDecider, {
      stream: streams.person(personId),
      command: async (state): Promise<PersonCommand> => {
        const at = this.clock.now();
        const registration = (personal: SealedPersonalData): PersonCommand => ({ type: 'RegisterPerson', personId, personal, ...duplicates, confirmedNotDuplicate, actor, at });
        // The domain judges first, on the stream as stored: a refused registration (a known id, even an erased
        // one, or a possible duplicate) makes no key, so no key is ever destroyed on a refusal, which another
        // instance registering the same id at the same moment could be sealing with. The key is made only
        // once the registration would be accepted, and is durable before its event is appended.
        personDecider.decide(registration(UNREADABLE), state);
        return registration(await this.vault.seal(personId, details));
      },
      metadata: { staffId: actor.staffId, partnerId: actor.partnerId },
    });
  }
}

@CommandHandler(ChangePersonCommand)
export class ChangePersonHandler implements ICommandHandler<ChangePersonCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly clock: Clock,
    private readonly vault: PersonalDataVault,
    private readonly register: PersonRegister,
    private readonly roster: ConsortiumRoster,
    private readonly access: AccessPolicy,
    private readonly idempotency: IdempotencyStore,
  ) {}

  async execute({ personId, change, actor, expectedVersion }: ChangePersonCommand) {
    const at = this.clock.now();
    const result = await this.executor.execute(personDecider, {
      stream: streams.person(personId),
      command: async (): Promise<PersonCommand> => {
        switch (change.type) {
          case 'CorrectPersonDetails': {
            if (Object.keys(definedOnly(change.details)).length === 0) throw new RuleViolation('person.no-changes', 'a correction needs at least one field', 'unprocessable');
            const current = this.register.details(personId);
            const merged: PersonalDetails | undefined = current && current !== ERASED ? { ...current, ...change.details } : undefined;
            // No key means never registered or erased: the domain refuses, and no key is made.
            const personal = (await this.vault.sealIfStored(personId, merged ?? change.details)) ?? UNREADABLE;
            return { type: 'CorrectPersonDetails', personal, actorMaySee: this.access.maySeePerson(actor, personId), actor, at };
          }
          case 'GiveConsent':
            return { ...change, memberPartnerIds: this.roster.activePartnerIds(), actor, at };
          default:
            return { ...change, actor, at };
        }
      },
      expectedVersion,
      metadata: { staffId: actor.staffId, partnerId: actor.partnerId },
    });
    // The event is committed first, then the key destroyed: a crash between the two is healed at start (ErasureReconciler).
    if (change.type === 'ErasePerson') {
      await this.vault.shred(personId);
      await this.idempotency.forgetPerson(personId);
    }
    return result;
  }
}
