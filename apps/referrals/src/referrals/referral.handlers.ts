import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CONSENT_LOSS_ACTOR, ReferralCommand, referralDecider, streams, systemStaffId } from '@onedoor/domain';
import { PersonalDataVault } from '@onedoor/personal-data';
import { AccessPolicy, Clock, CommandExecutor } from '@onedoor/platform';
import { ReferralBook } from '@onedoor/projections';
import { DecisionFacts } from '../shared/decision-facts';
import { FactsAsRead } from '../shared/facts-as-read';
import { ActOnReferralCommand, CreateReferralCommand, ReassignReferralCommand, StopReferralOnConsentLossCommand } from './referral.commands';

@CommandHandler(CreateReferralCommand)
export class CreateReferralHandler implements ICommandHandler<CreateReferralCommand> {
  constructor(private readonly executor: CommandExecutor, private readonly clock: Clock, private readonly facts: DecisionFacts, private readonly vault: PersonalDataVault, private readonly access: AccessPolicy) {}

  async execute(c: CreateReferralCommand) {
    // Staff refer people they registered or whose consent covers their partner; others learn nothing.
    this.access.visiblePerson(c.personId, c.actor);
    const summary = c.summary === undefined ? undefined : await this.vault.sealIfStored(c.personId, c.summary);
    const read = new FactsAsRead();
    return this.executor.execute(referralDecider, {
      stream: streams.referral(c.referralId),
      // Consent is read on every attempt and must be unchanged at the append (see docs/consent-and-live-referrals.md).
      command: async (): Promise<ReferralCommand> => {
        const [person, target] = await Promise.all([read.person(this.facts, c.personId), c.routing ? this.facts.routingTarget(c.routing.serviceId) : undefined]);
        return {
          type: 'CreateReferral', referralId: c.referralId, personId: c.personId, person, needs: c.needs, urgency: c.urgency, summary,
          routing: target && { target, respondBy: c.routing!.respondBy }, actor: c.actor, at: this.clock.now(),
        };
      },
      conditions: () => read.conditions(),
      metadata: { staffId: c.actor.staffId, partnerId: c.actor.partnerId },
    });
  }
}

@CommandHandler(ActOnReferralCommand)
export class ActOnReferralHandler implements ICommandHandler<ActOnReferralCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly clock: Clock,
    private readonly facts: DecisionFacts,
    private readonly vault: PersonalDataVault,
    private readonly book: ReferralBook,
    private readonly access: AccessPolicy,
  ) {}

  async execute({ referralId, action, actor, expectedVersion }: ActOnReferralCommand) {
    // Checked before any rule, so a partner outside the referral learns nothing about its state.
    const referral = this.access.visibleReferral(referralId, actor);
    const read = new FactsAsRead();
    return this.executor.execute(referralDecider, {
      stream: streams.referral(referralId),
      command: async (): Promise<ReferralCommand> => ({ ...(await this.enrich(action, referral.personId, read)), actor, at: this.clock.now() }) as ReferralCommand,
      conditions: () => read.conditions(),
      expectedVersion,
      metadata: { staffId: actor.staffId, partnerId: actor.partnerId },
    });
  }

  /** Adds what the domain needs from elsewhere: the person's consents, the routing target, sealed notes. */
  private async enrich(action: ActOnReferralCommand['action'], personId: string, read: FactsAsRead): Promise<Record<string, unknown>> {
    switch (action.type) {
      case 'RouteReferral':
        return { type: action.type, target: await this.facts.routingTarget(action.serviceId), respondBy: action.respondBy, person: await read.person(this.facts, personId) };
      case 'HandOffReferral':
        return { type: action.type, target: await this.facts.routingTarget(action.serviceId), reason: action.reason, person: await read.person(this.facts, personId) };
      case 'AcceptReferral':
      case 'ResumeReferral':
        return { type: action.type, person: await read.person(this.facts, personId) };
      case 'RecordInteraction': {
        const { notes, ...rest } = action;
        return { ...rest, ...(notes !== undefined ? { notes: await this.vault.sealIfStored(personId, notes) } : {}) };
      }
      default:
        return { ...action };
    }
  }
}

@CommandHandler(ReassignReferralCommand)
export class ReassignReferralHandler implements ICommandHandler<ReassignReferralCommand> {
  constructor(private readonly executor: CommandExecutor, private readonly clock: Clock, private readonly facts: DecisionFacts, private readonly book: ReferralBook) {}

  async execute({ referralId, leavingPartnerId, successorPartnerId, actor }: ReassignReferralCommand) {
    const referral = this.book.referral(referralId);
    if (!referral) return undefined;
    const person = await this.facts.person(referral.personId);
    return this.executor.execute(referralDecider, {
      stream: streams.referral(referralId),
      command: (): ReferralCommand => ({ type: 'ReassignOnPartnerExit', leavingPartnerId, successorPartnerId, person, actor, at: this.clock.now() }),
      metadata: { staffId: actor.staffId, partnerId: actor.partnerId, causationId: `partner-left:${leavingPartnerId}` },
    });
  }
}

/**
 * The system stops a live referral whose receiving partner the person's consent no longer covers. It acts for
 * the referring partner (staff id `system:consent-loss`), reads consent as the other live moves do and appends
 * on condition that it has not changed, so a consent given again meanwhile is never overruled.
 */
@CommandHandler(StopReferralOnConsentLossCommand)
export class StopReferralOnConsentLossHandler implements ICommandHandler<StopReferralOnConsentLossCommand> {
  constructor(private readonly executor: CommandExecutor, private readonly clock: Clock, private readonly facts: DecisionFacts) {}

  async execute({ referralId, causation }: StopReferralOnConsentLossCommand) {
    const read = new FactsAsRead();
    const staffId = systemStaffId(CONSENT_LOSS_ACTOR);
    return this.executor.execute(referralDecider, {
      stream: streams.referral(referralId),
      command: async (state): Promise<ReferralCommand> => ({
        type: 'StopReferralOnConsentLoss',
        // An unknown referral has no person; the domain refuses it as not found.
        person: state.personId ? await read.person(this.facts, state.personId) : { status: 'unknown', consents: [] },
        actor: { staffId, partnerId: state.referringPartnerId ?? '', managesConsortium: false },
        at: this.clock.now(),
      }),
      conditions: () => read.conditions(),
      metadata: { staffId, causationId: causation },
    });
  }
}
