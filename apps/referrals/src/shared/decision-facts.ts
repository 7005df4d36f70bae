import { Injectable } from '@nestjs/common';
import { PersonFacts, RoutingTarget, RuleViolation, isClosedToReferrals, personDecider, serviceDecider, streams } from '@onedoor/domain';
import type { AppendCondition } from '@onedoor/event-store';
import { CommandExecutor } from '@onedoor/platform';
import { ConsortiumRoster } from '@onedoor/projections';

/**
 * The facts a decision needs from other aggregates, read from their streams (not from read models)
 * so a rule such as "consent covers the receiving partner" is checked against the latest truth.
 */
@Injectable()
export class DecisionFacts {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly roster: ConsortiumRoster,
  ) {}

  async person(personId: string): Promise<PersonFacts> {
    return (await this.personAsRead(personId)).person;
  }

  /**
   * The person's facts and the condition that they still hold at the append: a referral checked against a
   * consent commits only if no consent change (or any other person event) committed since it was read.
   */
  async personAsRead(personId: string): Promise<{ person: PersonFacts; unchanged: AppendCondition }> {
    const stream = streams.person(personId);
    const { state, version } = await this.executor.load(personDecider, stream);
    return { person: { status: state.status, consents: state.consents }, unchanged: { stream, expected: version } };
  }

  async routingTarget(serviceId: string): Promise<RoutingTarget> {
    const { state } = await this.executor.load(serviceDecider, streams.service(serviceId));
    if (state.status === 'unlisted') throw new RuleViolation('service.not-found', `no service ${serviceId}`, 'not-found');
    return {
      serviceId,
      partnerId: state.partnerId!,
      serviceActive: state.status === 'active',
      partnerIsMember: this.roster.isActiveMember(state.partnerId!),
      waitlisted: state.capacity!.available === 0,
      waitlistClosed: isClosedToReferrals(state),
    };
  }
}
