import { Scenario, amira, debt, front, hub, jobs, seedConsortium, target, zoe } from './scenario';

export const day = (d: number) => `2026-04-${String(d).padStart(2, '0')}T09:00:00.000Z`;

/** A busy month: referrals in every state, support, a correction, an erasure and a partner leaving. */
export async function busyMonth(s: Scenario): Promise<void> {
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

