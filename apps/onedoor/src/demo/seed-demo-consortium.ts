import { INestApplication, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Actor } from '@onedoor/domain';
import { ConsortiumRoster } from '@onedoor/projections';
import { AdmitPartnerCommand, FormConsortiumCommand } from '../../../referrals/src/consortium/consortium.commands';
import { ChangePersonCommand, RegisterPersonCommand } from '../../../referrals/src/people/person.commands';
import { ActOnReferralCommand, CreateReferralCommand } from '../../../referrals/src/referrals/referral.commands';
import { ListServiceCommand } from '../../../referrals/src/services/service.commands';
import { ContractCommandMessage } from '../../../insights/src/contracts/contract.commands';
import { RecordGroupAttendanceCommand } from '../../../insights/src/recording/recording.commands';
import { DEMO_CONSORTIUM, DEMO_GROUP_SESSION, DEMO_PARTNERS, DEMO_PEOPLE, DEMO_SERVICES, demoContract } from './demo-consortium';

const staffOf = (partnerId: string, managesConsortium = false): Actor => ({ staffId: `staff-${partnerId}`, partnerId, managesConsortium });

/**
 * Seeds the demo consortium into an empty data directory, through the same commands and rules as the API,
 * so the demo data is as real as anything staff would enter. Does nothing once a consortium exists.
 */
export async function seedDemoConsortium(app: INestApplication): Promise<boolean> {
  if (app.get(ConsortiumRoster).consortium()) return false;
  const bus = app.get(CommandBus);
  const hub = staffOf('calder-hub', true);

  await bus.execute(new FormConsortiumCommand(DEMO_CONSORTIUM.name, DEMO_CONSORTIUM.structure));
  for (const partner of DEMO_PARTNERS) {
    await bus.execute(new AdmitPartnerCommand(partner.partnerId, partner.name, partner.role, partner.role === 'hub' ? undefined : hub));
  }
  for (const { serviceId, partnerId, capacity, ...description } of DEMO_SERVICES) {
    await bus.execute(new ListServiceCommand(serviceId, description, capacity, staffOf(partnerId)));
  }
  for (const [index, { personId, registeredBy, needs, serviceId, ...details }] of DEMO_PEOPLE.entries()) {
    const frontDoor = staffOf(registeredBy);
    await bus.execute(new RegisterPersonCommand(personId, details, false, frontDoor));
    await bus.execute(new ChangePersonCommand(personId, { type: 'GiveConsent', consentId: `${personId}-consent`, scope: { kind: 'consortium' }, purposes: ['referral', 'case-management', 'outcome-reporting'] }, frontDoor));
    const referralId = `demo-referral-${index + 1}`;
    await bus.execute(new CreateReferralCommand(referralId, personId, needs, index === 2 ? 'urgent' : 'routine', undefined, { serviceId }, frontDoor));
    // Leave the referrals at different points of the journey.
    const receiver = staffOf(DEMO_SERVICES.find((s) => s.serviceId === serviceId)!.partnerId);
    if (index === 0 || index === 3) await bus.execute(new ActOnReferralCommand(referralId, { type: 'AcceptReferral' }, receiver));
    if (index === 0) await bus.execute(new ActOnReferralCommand(referralId, { type: 'RecordInteraction', interactionId: 'demo-interaction-1', kind: 'assessment', occurredOn: new Date().toISOString().slice(0, 10) }, receiver));
  }
  const today = new Date().toISOString().slice(0, 10);
  const { contractId, ...contract } = demoContract(today);
  await bus.execute(new ContractCommandMessage(contractId, { type: 'AgreeContract', contractId, ...contract }, hub));
  const { sessionId, serviceId, partnerId, count } = DEMO_GROUP_SESSION;
  await bus.execute(new RecordGroupAttendanceCommand(serviceId, sessionId, today, count, staffOf(partnerId)));
  new Logger('demo').log({ msg: 'seeded the demo consortium', partners: DEMO_PARTNERS.length, services: DEMO_SERVICES.length, people: DEMO_PEOPLE.length });
  return true;
}
