import { INestApplication, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Actor } from '@onedoor/domain';
import { Clock, ONEDOOR_CONFIG, OnedoorConfig } from '@onedoor/platform';
import { ConsortiumRoster } from '@onedoor/projections';
import { AdmitPartnerCommand, FormConsortiumCommand } from '../../../referrals/src/consortium/consortium.commands';
import { ChangePersonCommand, RegisterPersonCommand } from '../../../referrals/src/people/person.commands';
import { ActOnReferralCommand, CreateReferralCommand } from '../../../referrals/src/referrals/referral.commands';
import { ListServiceCommand } from '../../../referrals/src/services/service.commands';
import { ContractCommandMessage } from '../../../insights/src/contracts/contract.commands';
import { RecordGroupAttendanceCommand } from '../../../insights/src/recording/recording.commands';
import { DEMO_CONSORTIUM, DEMO_GROUP_SESSION, DEMO_PARTNERS, DEMO_PEOPLE, DEMO_SERVICES, demoContract } from './demo-consortium';
import { demoHistory } from './demo-history';
import { seedDemoHistory } from './seed-demo-history';

const staffOf = (partnerId: string, managesConsortium = false): Actor => ({ staffId: `staff-${partnerId}`, partnerId, managesConsortium });
const hub = staffOf('calder-hub', true);
const staffOfPartner = (partnerId: string) => (partnerId === hub.partnerId ? hub : staffOf(partnerId));

/**
 * Seeds the demo consortium into an empty data directory, through the same commands and rules as the API,
 * so the demo data is as real as anything staff would enter. Does nothing once a consortium exists.
 * With SEED_DEMO_HISTORY, the consortium forms months earlier and its history (see demoHistory) is seeded
 * with the clock at each past moment, before today's four people.
 */
export async function seedDemoConsortium(app: INestApplication): Promise<boolean> {
  if (app.get(ConsortiumRoster).consortium()) return false;
  const bus = app.get(CommandBus);
  const clock = app.get(Clock);
  const history = app.get<OnedoorConfig>(ONEDOOR_CONFIG).SEED_DEMO_HISTORY ? demoHistory(clock.now()) : undefined;
  const agreeContract = async (start: string) => {
    const { contractId, ...contract } = demoContract(start);
    await bus.execute(new ContractCommandMessage(contractId, { type: 'AgreeContract', contractId, ...contract }, hub));
  };

  if (history) {
    await clock.runAt(history.foundedAt, () => foundConsortium(bus));
    await clock.runAt(history.contractAgreedAt, () => agreeContract(history.contractStart));
    await seedDemoHistory(bus, clock, history.steps, staffOfPartner);
  } else {
    await foundConsortium(bus);
  }
  const today = clock.now().slice(0, 10);
  for (const [index, { personId, registeredBy, needs, serviceId, ...details }] of DEMO_PEOPLE.entries()) {
    const frontDoor = staffOf(registeredBy);
    await bus.execute(new RegisterPersonCommand(personId, details, false, frontDoor));
    await bus.execute(new ChangePersonCommand(personId, { type: 'GiveConsent', consentId: `${personId}-consent`, scope: { kind: 'consortium' }, purposes: ['referral', 'case-management', 'outcome-reporting'] }, frontDoor));
    const referralId = `demo-referral-${index + 1}`;
    await bus.execute(new CreateReferralCommand(referralId, personId, needs, index === 2 ? 'urgent' : 'routine', undefined, { serviceId }, frontDoor));
    // Leave the referrals at different points of the journey.
    const receiver = staffOf(DEMO_SERVICES.find((s) => s.serviceId === serviceId)!.partnerId);
    if (index === 0 || index === 3) await bus.execute(new ActOnReferralCommand(referralId, { type: 'AcceptReferral' }, receiver));
    if (index === 0) await bus.execute(new ActOnReferralCommand(referralId, { type: 'RecordInteraction', interactionId: 'demo-interaction-1', kind: 'assessment', occurredOn: today }, receiver));
  }
  if (!history) await agreeContract(`${today.slice(0, 7)}-01`);
  const { sessionId, serviceId, partnerId, count } = DEMO_GROUP_SESSION;
  await bus.execute(new RecordGroupAttendanceCommand(serviceId, sessionId, today, count, staffOf(partnerId)));
  new Logger('demo').log({
    msg: history ? 'seeded the demo consortium and its history' : 'seeded the demo consortium',
    partners: DEMO_PARTNERS.length, services: DEMO_SERVICES.length, people: DEMO_PEOPLE.length,
    ...(history ? { contractStart: history.contractStart, historySteps: history.steps.length } : {}),
  });
  return true;
}

async function foundConsortium(bus: CommandBus): Promise<void> {
  await bus.execute(new FormConsortiumCommand(DEMO_CONSORTIUM.name, DEMO_CONSORTIUM.structure));
  for (const partner of DEMO_PARTNERS) {
    await bus.execute(new AdmitPartnerCommand(partner.partnerId, partner.name, partner.role, partner.role === 'hub' ? undefined : hub));
  }
  for (const { serviceId, partnerId, capacity, ...description } of DEMO_SERVICES) {
    await bus.execute(new ListServiceCommand(serviceId, description, capacity, staffOf(partnerId)));
  }
}
