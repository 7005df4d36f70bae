import { ConsortiumRoster } from './consortium-roster';
import { PersonRegister } from './person-register';
import { Projection } from './projection';
import { ProjectionRunner } from './projection-runner';
import { ReferralBook } from './referral-book';
import { ServiceCatalogue } from './service-catalogue';
import { Scenario, amira, debt, front, hub, jobs, seedConsortium, target, zoe } from './testing/scenario';

const day = (d: number) => `2026-04-${String(d).padStart(2, '0')}T09:00:00.000Z`;

/** A busy month: referrals in every state, support, a correction, an erasure and a partner leaving. */
async function busyMonth(s: Scenario): Promise<void> {
  await seedConsortium(s);
  await s.register('p-amira', amira, front, '2026-03-15T09:00:00.000Z');
  await s.register('p-zoe', zoe, front, '2026-03-15T09:00:00.000Z');
  const create = async (referralId: string, personId: string, to?: ReturnType<typeof target>) =>
    s.referral(referralId, {
      type: 'CreateReferral', referralId, personId, person: await s.facts(personId), needs: ['employment'], urgency: 'routine',
      summary: await s.vault.seal(personId, `about ${referralId}`), ...(to ? { routing: { target: to } } : {}), actor: front, at: day(1),
    });
  await create('r1', 'p-amira', target('jobs', 'svc-jobs'));
  await s.referral('r1', { type: 'AcceptReferral', person: await s.facts('p-amira'), actor: jobs, at: day(2) });
  await s.referral('r1', { type: 'RecordInteraction', interactionId: 'i1', kind: 'drop-in', occurredOn: '2026-04-02', actor: jobs, at: day(2) });
  await create('r2', 'p-zoe', target('debt', 'svc-debt', true));
  await create('r3', 'p-zoe');
  await s.service('svc-jobs', { type: 'UpdateServiceCapacity', capacity: { available: 9, maximum: 10, unit: 'places' }, actor: jobs, at: day(2) });
  await s.person('p-zoe', { type: 'CorrectPersonDetails', personal: await s.vault.seal('p-zoe', { ...zoe, phone: '01422 000000' }), actorMaySee: true, actor: front, at: day(3) });
  await s.vault.shred('p-amira');
  await s.person('p-amira', { type: 'ErasePerson', actor: front, at: day(4) });
  await s.consortium({ type: 'RemovePartner', partnerId: 'debt', successorPartnerId: 'jobs', openReferralIds: ['r2'], actor: hub, at: day(5) });
  await s.referral('r2', { type: 'ReassignOnPartnerExit', leavingPartnerId: 'debt', successorPartnerId: 'jobs', person: await s.facts('p-zoe'), actor: hub, at: day(5) });
  await s.service('svc-debt', { type: 'WithdrawService', actor: debt, at: day(5) });
}

const readModels = (s: Scenario): Projection[] => [new ConsortiumRoster(), new ServiceCatalogue(), new PersonRegister(s.vault), new ReferralBook(s.vault)];

describe('rebuilding read models from the log', () => {
  it('gives identical read models every time it runs from zero', async () => {
    const s = new Scenario();
    await busyMonth(s);
    const first = await s.project(...readModels(s));
    const second = await s.project(...readModels(s));
    expect(second).toEqual(first);

    // The same instances, restarted from zero, reset and come back the same too.
    const runner = new ProjectionRunner(s.store, first);
    runner.start();
    await runner.waitFor(await s.store.headPosition());
    await runner.stop();
    expect(first).toEqual(second);

    const [roster, catalogue, register, book] = first as [ConsortiumRoster, ServiceCatalogue, PersonRegister, ReferralBook];
    expect(roster.isActiveMember('debt')).toBe(false);
    expect(catalogue.service('svc-debt')!.status).toBe('withdrawn');
    expect(register.possibleDuplicates('Amira', 'Khan', '1990-05-04')).toEqual([]);
    expect(register.details('p-zoe')).toMatchObject({ phone: '01422 000000' });
    expect(book.referral('r2')).toMatchObject({ receivingPartnerId: 'jobs', status: 'requested' });
    expect(book.worklist('jobs', { now: day(6) }).byStatus).toMatchObject({ 'in-progress': 1, requested: 1 });
  });
});
