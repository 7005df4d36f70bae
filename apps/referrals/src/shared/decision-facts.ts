import { Injectable } from '@nestjs/common';
import { PersonFacts, RoutingTarget, RuleViolation, isClosedToReferrals, personDecider, serviceDecider, streams } from '@onedoor/domain';
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
    const { state } = await this.executor.load(personDecider, streams.person(personId));
    return { status: state.status, consents: state.consents };
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
