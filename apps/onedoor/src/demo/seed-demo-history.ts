import { CommandBus } from '@nestjs/cqrs';
import type { Actor } from '@onedoor/domain';
import { Clock } from '@onedoor/platform';
import { ContractCommandMessage } from '../../../insights/src/contracts/contract.commands';
import { RecordEmploymentCommand, RecordGroupAttendanceCommand } from '../../../insights/src/recording/recording.commands';
import { ChangePersonCommand, RegisterPersonCommand } from '../../../referrals/src/people/person.commands';
import { ActOnReferralCommand, CreateReferralCommand } from '../../../referrals/src/referrals/referral.commands';
import type { HistoryStep } from './demo-history';

/** The command staff would have sent for a step, through the same handlers and rules as the API. */
function commandOf(step: HistoryStep, actor: Actor): object {
  switch (step.kind) {
    case 'register':
      return new RegisterPersonCommand(step.personId, step.details, false, actor);
    case 'consent':
      return new ChangePersonCommand(step.personId, { type: 'GiveConsent', consentId: step.consentId, scope: step.scope, purposes: ['referral', 'case-management', 'outcome-reporting'] }, actor);
    case 'refer':
      return new CreateReferralCommand(step.referralId, step.personId, step.needs, step.urgency, undefined, { serviceId: step.serviceId }, actor);
    case 'act':
      return new ActOnReferralCommand(step.referralId, step.action, actor);
    case 'employment':
      return new RecordEmploymentCommand(step.personId, step.change, actor);
    case 'group':
      return new RecordGroupAttendanceCommand(step.serviceId, step.sessionId, step.occurredOn, step.count, actor);
    case 'claim':
      return new ContractCommandMessage('demo-contract', step.change, actor);
  }
}

/**
 * Runs the history's steps in time order, each with the platform clock at its moment, so every event's
 * business time (and every date the domain checks against "now") is in the past where it belongs.
 */
export async function seedDemoHistory(bus: CommandBus, clock: Clock, steps: HistoryStep[], staffOf: (partnerId: string) => Actor): Promise<void> {
  for (const step of steps) {
    await clock.runAt(step.at, () => bus.execute(commandOf(step, staffOf(step.by))));
  }
}
