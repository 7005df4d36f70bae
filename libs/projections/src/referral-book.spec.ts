import { Actor, RoutingTarget } from '@onedoor/domain';
import { ERASED } from '@onedoor/personal-data';
import { ReferralBook } from './referral-book';
import { Scenario, amira, debt, front, hub, jobs, seedConsortium, target, zoe } from './testing/scenario';

const registeredAt = '2026-03-15T09:00:00.000Z';
const day = (d: number, hour = 9) => `2026-04-${String(d).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;
const toJobs = target('jobs', 'svc-jobs');
const toDebt = target('debt', 'svc-debt', true);

async function seeded(): Promise<Scenario> {
  const s = new Scenario();
  await seedConsortium(s);
  await s.register('p-amira', amira, front, registeredAt);
  await s.register('p-zoe', zoe, front, registeredAt);
  return s;
}

/** Creates a referral from `by`, routed straight away unless `to` is omitted. */
async function refer(
  s: Scenario, referralId: string, personId: string, at: string,
  options: { to?: RoutingTarget; urgency?: 'routine' | 'urgent'; respondBy?: string; summary?: string; by?: Actor } = {},
) {
  return s.referral(referralId, {
    type: 'CreateReferral', referralId, personId, person: await s.facts(personId), needs: ['employment'], urgency: options.urgency ?? 'routine',
    ...(options.summary ? { summary: await s.vault.seal(personId, options.summary) } : {}),
    ...(options.to ? { routing: { target: options.to, ...(options.respondBy ? { respondBy: options.respondBy } : {}) } } : {}),
    actor: options.by ?? front, at,
  });
}

describe('referral book', () => {
  it('keeps a referral’s status, dates, version and a history with no personal data in it', async () => {
    const s = await seeded();
    await refer(s, 'r1', 'p-amira', day(1), { to: toJobs, summary: 'Lost her job at the mill in March' });
    await s.referral('r1', { type: 'AcceptReferral', person: await s.facts('p-amira'), actor: jobs, at: day(2) });
    await s.referral('r1', { type: 'RecordInteraction', interactionId: 'i1', kind: 'one-to-one', occurredOn: '2026-04-03', notes: await s.vault.seal('p-amira', 'Worried about rent arrears'), actor: jobs, at: day(3) });
    await s.referral('r1', { type: 'PutReferralOnHold', reason: { code: 'could-not-contact' }, actor: jobs, at: day(4) });
    await s.referral('r1', { type: 'ResumeReferral', person: await s.facts('p-amira'), actor: jobs, at: day(5) });
    await s.referral('r1', { type: 'CompleteReferral', outcome: { code: 'need-met', enteredWork: true, workStartedOn: '2026-04-20' }, actor: jobs, at: day(21) });
    const [book] = await s.project(new ReferralBook(s.vault));

    const r1 = book.referral('r1')!;
    expect(r1).toMatchObject({
      referralId: 'r1', personId: 'p-amira', status: 'completed', referringPartnerId: 'front', receivingPartnerId: 'jobs', serviceId: 'svc-jobs',
      needs: ['employment'], urgency: 'routine', createdAt: day(1), updatedAt: day(21), respondBy: day(6), firstRespondedAt: day(2),
      waitlisted: false, outcome: { code: 'need-met', enteredWork: true, workStartedOn: '2026-04-20' }, lastReason: { code: 'could-not-contact' },
      version: 8,
    });
    expect(r1.history.map((h) => h.summary)).toEqual([
      'Created by partner front for employment (routine)',
      `Routed to partner jobs service svc-jobs, respond by ${day(6)}`,
      'Accepted by partner jobs',
      'Work started',
      'Support recorded: one-to-one on 2026-04-03',
      'Put on hold: could-not-contact',
      'Resumed',
      'Completed: need-met, entered work',
    ]);
    expect(r1.history[1]).toMatchObject({ at: day(1), type: 'ReferralRouted', by: { staffId: 'staff-front', partnerId: 'front' }, details: { partnerId: 'jobs', serviceId: 'svc-jobs', respondBy: day(6), waitlisted: false } });
    expect(r1.history.map((h) => h.position)).toEqual([...r1.history.map((h) => h.position)].sort((a, b) => a - b));
    expect(r1.interactions).toEqual([{ interactionId: 'i1', kind: 'one-to-one', occurredOn: '2026-04-03', partnerId: 'jobs', recordedAt: day(3), notes: expect.any(Object) }]);
    expect(book.summary(r1)).toBe('Lost her job at the mill in March');
    expect(book.notes(r1, r1.interactions[0])).toBe('Worried about rent arrears');
    const everything = JSON.stringify(r1);
    for (const secret of ['mill', 'rent', 'Amira']) expect(everything).not.toContain(secret);
  });

  it('a rejected referral re-routed elsewhere leaves the rejecting partner’s worklist', async () => {
    const s = await seeded();
    await refer(s, 'r1', 'p-amira', day(1), { to: toDebt });
    await s.referral('r1', { type: 'RejectReferral', reason: { code: 'out-of-area' }, actor: debt, at: day(2) });
    const [rejected] = await s.project(new ReferralBook(s.vault));
    expect(rejected.worklist('debt', { now: day(2) }).items.map((i) => [i.referralId, i.status, i.role])).toEqual([['r1', 'rejected', 'receiving']]);

    await s.referral('r1', { type: 'RouteReferral', target: toJobs, person: await s.facts('p-amira'), actor: front, at: day(3) });
    const [book] = await s.project(new ReferralBook(s.vault));
    const r1 = book.referral('r1')!;
    expect(r1).toMatchObject({ status: 'requested', receivingPartnerId: 'jobs', waitlisted: false, lastReason: { code: 'out-of-area' }, version: 4 });
    expect(r1.firstRespondedAt).toBeUndefined();
    expect(r1.history.slice(2).map((h) => h.summary)).toEqual(['Rejected: out-of-area', `Re-routed from partner debt to partner jobs service svc-jobs, respond by ${day(8)}`]);
    expect(book.worklist('debt', { now: day(3) }).items).toEqual([]);
    expect(book.worklist('jobs', { now: day(3) }).incoming.map((i) => i.referralId)).toEqual(['r1']);
  });

  it('gives each partner its worklist: incoming, overdue, counts by status, its role, urgent first then oldest due', async () => {
    const s = await seeded();
    await refer(s, 'r-routine-late', 'p-amira', day(1), { to: toJobs, respondBy: day(3) });
    await refer(s, 'r-routine-soon', 'p-zoe', day(1), { to: toJobs, respondBy: day(9) });
    await refer(s, 'r-urgent', 'p-zoe', day(2), { to: toJobs, urgency: 'urgent', respondBy: day(12) });
    await refer(s, 'r-accepted', 'p-amira', day(1), { to: toJobs, respondBy: day(2) });
    await s.referral('r-accepted', { type: 'AcceptReferral', person: await s.facts('p-amira'), actor: jobs, at: day(1, 12) });
    await refer(s, 'r-to-debt', 'p-amira', day(1), { to: toDebt, respondBy: day(2) });
    await refer(s, 'r-sent-by-jobs', 'p-zoe', day(1), { to: toDebt, respondBy: day(4), by: jobs });
    await refer(s, 'r-draft', 'p-zoe', day(1));
    const [book] = await s.project(new ReferralBook(s.vault));
    const now = day(5);

    const list = book.worklist('jobs', { now });
    expect(list.items.map((i) => [i.referralId, i.role, i.overdue])).toEqual([
      ['r-urgent', 'receiving', false],
      ['r-accepted', 'receiving', false], // due date passed, but it was answered
      ['r-routine-late', 'receiving', true],
      ['r-sent-by-jobs', 'referring', true],
      ['r-routine-soon', 'receiving', false],
    ]);
    expect(list.incoming.map((i) => i.referralId)).toEqual(['r-urgent', 'r-routine-late', 'r-routine-soon']);
    expect(list.overdue.map((i) => i.referralId)).toEqual(['r-routine-late', 'r-sent-by-jobs']);
    expect(list.byStatus).toMatchObject({ requested: 4, accepted: 1, draft: 0, completed: 0 });
    expect(list.items[0]).toEqual({
      referralId: 'r-urgent', personId: 'p-zoe', status: 'requested', role: 'receiving', needs: ['employment'], urgency: 'urgent',
      serviceId: 'svc-jobs', respondBy: day(12), overdue: false, waitlisted: false, updatedAt: day(2),
    });

    expect(book.worklist('jobs', { now, status: ['accepted'] }).items.map((i) => i.referralId)).toEqual(['r-accepted']);
    const overdueOnly = book.worklist('jobs', { now, overdueOnly: true });
    expect(overdueOnly.items.map((i) => i.referralId)).toEqual(['r-routine-late', 'r-sent-by-jobs']);
    expect(overdueOnly.byStatus.requested).toBe(4);

    const frontList = book.worklist('front', { now });
    expect(frontList.incoming).toEqual([]);
    expect(frontList.items.every((i) => i.role === 'referring')).toBe(true);
    expect(frontList.byStatus).toMatchObject({ draft: 1, requested: 4, accepted: 1 });
    expect(frontList.items[frontList.items.length - 1].referralId).toBe('r-draft');
    expect(book.worklist('debt', { now }).items.find((i) => i.referralId === 'r-to-debt')).toMatchObject({ waitlisted: true, overdue: true });
    expect(book.worklist('nobody', { now }).items).toEqual([]);
  });

  it('lists what a leaving partner would orphan: open work on either side, and drafts and rejections it sent', async () => {
    const s = await seeded();
    await refer(s, 'r-requested', 'p-amira', day(1), { to: toDebt });
    await refer(s, 'r-draft', 'p-amira', day(1));
    await refer(s, 'r-rejected', 'p-amira', day(1), { to: toDebt });
    await s.referral('r-rejected', { type: 'RejectReferral', reason: { code: 'no-capacity' }, actor: debt, at: day(2) });
    await refer(s, 'r-in-progress', 'p-zoe', day(1), { to: toJobs });
    await s.referral('r-in-progress', { type: 'AcceptReferral', person: await s.facts('p-zoe'), actor: jobs, at: day(2) });
    await s.referral('r-in-progress', { type: 'StartReferral', actor: jobs, at: day(2) });
    await refer(s, 'r-cancelled', 'p-zoe', day(1), { to: toJobs });
    await s.referral('r-cancelled', { type: 'CancelReferral', reason: { code: 'declined-by-person' }, actor: front, at: day(2) });
    await refer(s, 'r-completed', 'p-zoe', day(1), { to: toDebt });
    await s.referral('r-completed', { type: 'AcceptReferral', person: await s.facts('p-zoe'), actor: debt, at: day(2) });
    await s.referral('r-completed', { type: 'CompleteReferral', outcome: { code: 'need-met' }, actor: debt, at: day(3) });
    const [book] = await s.project(new ReferralBook(s.vault));

    expect(book.openReferralIdsOf('front')).toEqual(['r-draft', 'r-in-progress', 'r-rejected', 'r-requested']);
    expect(book.openReferralIdsOf('debt')).toEqual(['r-requested']);
    expect(book.openReferralIdsOf('jobs')).toEqual(['r-in-progress']);
    expect(book.openReferralIdsOf('hub')).toEqual([]);
  });

  it('moves a leaving partner’s sides to its successor, on the worklists too', async () => {
    const s = await seeded();
    await refer(s, 'r-received', 'p-amira', day(1), { to: toDebt });
    await s.referral('r-received', { type: 'AcceptReferral', person: await s.facts('p-amira'), actor: debt, at: day(2) });
    await refer(s, 'r-sent', 'p-zoe', day(1), { to: toJobs, by: debt });
    await refer(s, 'r-closed', 'p-zoe', day(1), { to: toDebt });
    await s.referral('r-closed', { type: 'CancelReferral', reason: { code: 'duplicate' }, actor: front, at: day(2) });
    let [book] = await s.project(new ReferralBook(s.vault));

    const openReferralIds = book.openReferralIdsOf('debt');
    expect(openReferralIds).toEqual(['r-received', 'r-sent']);
    await s.consortium({ type: 'RemovePartner', partnerId: 'debt', successorPartnerId: 'jobs', openReferralIds, actor: hub, at: day(6) });
    for (const id of openReferralIds) {
      const personId = book.referral(id)!.personId;
      await s.referral(id, { type: 'ReassignOnPartnerExit', leavingPartnerId: 'debt', successorPartnerId: 'jobs', person: await s.facts(personId), actor: hub, at: day(6) });
    }
    [book] = await s.project(new ReferralBook(s.vault));

    expect(book.referral('r-received')).toMatchObject({ receivingPartnerId: 'jobs', referringPartnerId: 'front', status: 'accepted', version: 4 });
    expect(book.referral('r-sent')).toMatchObject({ referringPartnerId: 'jobs', receivingPartnerId: 'jobs' });
    expect(book.referral('r-received')!.history.at(-1)).toMatchObject({
      type: 'ReferralReassigned', summary: 'Receiving side moved from partner debt to partner jobs (partner left)',
      details: { side: 'receiving', fromPartnerId: 'debt', toPartnerId: 'jobs', consentCoversSuccessor: true },
    });
    expect(book.openReferralIdsOf('debt')).toEqual([]);
    expect(book.worklist('debt', { now: day(7) }).items.map((i) => i.referralId)).toEqual(['r-closed']);
    expect(book.worklist('jobs', { now: day(7) }).items.map((i) => [i.referralId, i.role])).toEqual([
      ['r-received', 'receiving'],
      ['r-sent', 'receiving'],
    ]);
  });

  it('a handoff moves accepted work to the new partner and keeps the history', async () => {
    const s = await seeded();
    await refer(s, 'r1', 'p-amira', day(1), { to: toJobs });
    await s.referral('r1', { type: 'AcceptReferral', person: await s.facts('p-amira'), actor: jobs, at: day(2) });
    await s.referral('r1', { type: 'HandOffReferral', target: target('debt', 'svc-debt'), person: await s.facts('p-amira'), reason: 'debt is the bigger barrier', actor: jobs, at: day(3) });
    const [book] = await s.project(new ReferralBook(s.vault));
    expect(book.referral('r1')).toMatchObject({ status: 'accepted', receivingPartnerId: 'debt', serviceId: 'svc-debt' });
    expect(book.referral('r1')!.history.at(-1)).toMatchObject({ summary: 'Handed off from partner jobs to partner debt service svc-debt', details: { handoffReason: 'debt is the bigger barrier' } });
    expect(book.worklist('jobs', { now: day(3) }).items).toEqual([]);
    expect(book.worklist('debt', { now: day(3) }).items.map((i) => i.referralId)).toEqual(['r1']);
  });

  it('lists a person’s referrals, and all referrals, oldest first', async () => {
    const s = await seeded();
    await refer(s, 'r-b', 'p-amira', day(2), { to: toJobs });
    await refer(s, 'r-a', 'p-amira', day(1));
    await refer(s, 'r-zoe', 'p-zoe', day(1));
    const [book] = await s.project(new ReferralBook(s.vault));
    expect(book.forPerson('p-amira').map((r) => r.referralId)).toEqual(['r-a', 'r-b']);
    expect(book.forPerson('nobody')).toEqual([]);
    expect(book.referral('nope')).toBeUndefined();
    expect(book.all().map((r) => r.referralId)).toEqual(['r-a', 'r-zoe', 'r-b']);
  });

  it('after erasure, summary and notes read as erased while statuses, dates and counts stay', async () => {
    const s = await seeded();
    await refer(s, 'r1', 'p-amira', day(1), { to: toJobs, summary: 'Sleeping at a friend’s' });
    await s.referral('r1', { type: 'AcceptReferral', person: await s.facts('p-amira'), actor: jobs, at: day(2) });
    await s.referral('r1', { type: 'RecordInteraction', interactionId: 'i1', kind: 'phone-call', occurredOn: '2026-04-02', notes: await s.vault.seal('p-amira', 'Rang back'), actor: jobs, at: day(2) });
    await refer(s, 'r2', 'p-zoe', day(1), { to: toJobs, summary: 'Zoë needs help with forms' });
    const [before] = await s.project(new ReferralBook(s.vault));
    const worklistBefore = before.worklist('jobs', { now: day(3) });

    await s.vault.shred('p-amira');
    await s.person('p-amira', { type: 'ErasePerson', actor: front, at: day(3) });
    const [book] = await s.project(new ReferralBook(s.vault));

    const r1 = book.referral('r1')!;
    expect(book.summary(r1)).toBe(ERASED);
    expect(book.notes(r1, r1.interactions[0])).toBe(ERASED);
    expect(before.summary(before.referral('r1')!)).toBe(ERASED); // already-built read models show it at once
    expect(r1).toMatchObject({ status: 'in-progress', createdAt: day(1), firstRespondedAt: day(2), version: 5 });
    expect(r1.interactions).toHaveLength(1);
    expect(r1.history.map((h) => h.type)).toEqual(['ReferralCreated', 'ReferralRouted', 'ReferralAccepted', 'ReferralStarted', 'InteractionRecorded']);
    expect(book.worklist('jobs', { now: day(3) })).toEqual(worklistBefore);
    expect(book.summary(book.referral('r2')!)).toBe('Zoë needs help with forms');
  });
});
