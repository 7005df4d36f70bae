import { ContractCommand, Milestone, contractDecider, employmentDecider, groupAttendanceDecider, streams } from '@onedoor/domain';
import { OutcomesProjections, outcomesAsOf } from './outcomes-projections';
import { Scenario, amira, debt, front, hub, jobs, seedConsortium, target, zoe } from '../testing/scenario';

const M1: Milestone = { milestoneId: 'm1', name: '3 activities', rule: { kind: 'activity-count', atLeast: 3, kinds: ['one-to-one', 'assessment', 'advice'] }, paymentPence: 30_000 };
const M2: Milestone = { milestoneId: 'm2', name: 'In work 13 weeks', rule: { kind: 'sustained-employment', weeks: 13 }, paymentPence: 50_000 };
const members = ['hub', 'front', 'jobs', 'debt'];
const day = (d: string, time = '10:00') => `${d}T${time}:00.000Z`;

async function agree(s: Scenario, milestones = [M1, M2]) {
  const command: ContractCommand = {
    type: 'AgreeContract', contractId: 'k1', name: 'Into Work', commissioner: 'Council', period: { start: '2026-03-01', end: '2027-02-28' }, milestones,
    hubFee: { kind: 'share-of-member-claims', percent: 10 }, targets: [{ partnerId: 'jobs', referralsAccepted: 4, participantsStarted: 2, milestones: [{ milestoneId: 'm1', count: 10 }] }],
    memberPartnerIds: members, actor: hub, at: day('2026-03-01', '08:00'),
  };
  return s.run(contractDecider, streams.contract('k1'), command);
}

/** A person referred to a partner's service, accepted, with support recorded on the given days (each recorded that day). */
async function referred(s: Scenario, personId: string, referralId: string, partner = jobs, serviceId = 'svc-jobs', supportDays: string[] = [], kind: 'one-to-one' | 'group-session' = 'one-to-one') {
  const createdAt = day('2026-03-02', '09:00');
  await s.register(personId, personId === 'p1' ? amira : zoe, front, createdAt);
  await s.referral(referralId, { type: 'CreateReferral', referralId, personId, person: await s.facts(personId), needs: ['employment'], urgency: 'routine', routing: { target: target(partner.partnerId, serviceId) }, actor: front, at: createdAt });
  await s.referral(referralId, { type: 'AcceptReferral', person: await s.facts(personId), actor: partner, at: day('2026-03-03', '09:00') });
  for (const [i, d] of supportDays.entries()) {
    await s.referral(referralId, { type: 'RecordInteraction', interactionId: `${referralId}-i${i}`, kind, occurredOn: d, actor: partner, at: day(d, '16:00') });
  }
}

async function build(s: Scenario, asOf?: string) {
  const [outcomes] = await s.project(new OutcomesProjections(asOf ? { asOf } : {}));
  return outcomes;
}

describe('outcomes projections', () => {
  let s: Scenario;
  beforeEach(async () => {
    s = new Scenario();
    await seedConsortium(s, day('2026-02-01'));
    await agree(s);
  });

  it('a milestone is attained on the day of the qualifying activity that meets the rule, credited to its partner, with its evidence', async () => {
    await referred(s, 'p1', 'r1', jobs, 'svc-jobs', ['2026-03-05', '2026-03-12', '2026-04-02', '2026-04-09']);
    const view = (await build(s)).view(day('2026-12-01'));
    const [m1] = view.milestonesOf('p1');
    expect(m1).toMatchObject({ milestoneId: 'm1', partnerId: 'jobs', attainedAt: '2026-04-02T00:00:00.000Z', month: '2026-04', paymentPence: 30_000 });
    expect(m1.evidence.map((e) => e.type)).toEqual(['InteractionRecorded', 'InteractionRecorded', 'InteractionRecorded']);
    const log = await s.store.readAll(0, 1000);
    const interactions = log.filter((e) => e.type === 'InteractionRecorded').slice(0, 3);
    expect(m1.evidence.map((e) => e.eventId)).toEqual(interactions.map((e) => e.id));
  });

  it('activities of kinds the rule does not name, or on a referral entered in error, do not count', async () => {
    await referred(s, 'p1', 'r1', jobs, 'svc-jobs', ['2026-03-05', '2026-03-12', '2026-04-02'], 'group-session');
    await referred(s, 'p2', 'r2', jobs, 'svc-jobs', ['2026-03-05', '2026-03-12', '2026-04-02']);
    expect((await build(s)).view(day('2026-12-01')).attainments().map((a) => a.participantId)).toEqual(['p2']);
    await s.referral('r2', { type: 'MarkReferralEnteredInError', reason: { code: 'duplicate' }, actor: front, at: day('2026-04-10') });
    expect((await build(s)).view(day('2026-12-01')).attainments()).toEqual([]);
  });

  it('sustained employment is attained 13 weeks after the start, unless the spell ended before then', async () => {
    await referred(s, 'p1', 'r1');
    await referred(s, 'p2', 'r2');
    const start = (personId: string) => s.run(employmentDecider, streams.employment(personId), { type: 'RecordEmploymentStart', personId, startedOn: '2026-04-06', personStatus: 'registered', actorMaySee: true, actor: jobs, at: day('2026-04-07') });
    await start('p1');
    await start('p2');
    await s.run(employmentDecider, streams.employment('p2'), { type: 'RecordEmploymentEnd', endedOn: '2026-06-30', personStatus: 'registered', actorMaySee: true, actor: jobs, at: day('2026-07-01') });
    const outcomes = await build(s);
    // 2026-04-06 + 91 days = 2026-07-06
    expect(outcomes.view(day('2026-07-05', '23:59')).attainments()).toEqual([]);
    const attained = outcomes.view(day('2026-07-06', '00:00')).attainments();
    expect(attained).toMatchObject([{ participantId: 'p1', milestoneId: 'm2', partnerId: 'jobs', attainedAt: '2026-07-06T00:00:00.000Z', paymentPence: 50_000 }]);
    expect(attained[0].evidence.map((e) => e.type)).toEqual(['EmploymentStarted']);
  });

  it('an amendment changes the rule and payment from its month on; months before keep the old ones', async () => {
    await s.run(contractDecider, streams.contract('k1'), {
      type: 'AmendContract', amendmentId: 'a1', effectiveFrom: '2026-05-01', reason: 'variation', changes: { milestones: [{ ...M1, rule: { kind: 'activity-count', atLeast: 2 }, paymentPence: 20_000 }, M2] },
      memberPartnerIds: members, actor: hub, at: day('2026-04-20'),
    });
    await referred(s, 'p1', 'r1', jobs, 'svc-jobs', ['2026-03-05', '2026-03-12', '2026-04-02']);
    await referred(s, 'p2', 'r2', jobs, 'svc-jobs', ['2026-04-08', '2026-04-15']);
    const view = (await build(s)).view(day('2026-12-01'));
    // p1 met the old rule in April, paid the old amount; p2 met only the new rule, so attains it the day it took effect.
    expect(view.attainments().map((a) => [a.participantId, a.attainedAt.slice(0, 10), a.paymentPence])).toEqual([
      ['p1', '2026-04-02', 30_000],
      ['p2', '2026-05-01', 20_000],
    ]);
  });

  it('the claims ledger: milestone claims, adjustments and clawbacks per partner and month, the hub fee on members only', async () => {
    await referred(s, 'p1', 'r1', jobs, 'svc-jobs', ['2026-03-05', '2026-03-12', '2026-04-02']);
    await referred(s, 'p2', 'r2', hub, 'svc-jobs', ['2026-03-05', '2026-03-12', '2026-04-03']);
    const change = (command: object) => s.run(contractDecider, streams.contract('k1'), { memberPartnerIds: members, actor: hub, at: day('2026-05-02'), ...command } as ContractCommand);
    await change({ type: 'AdjustClaim', adjustmentId: 'adj1', partnerId: 'jobs', month: '2026-04', amountPence: 1_005, reason: 'travel' });
    await change({ type: 'ClawBackClaim', clawbackId: 'cb1', partnerId: 'debt', month: '2026-05', amountPence: 2_000, reason: 'evidence missing' });
    const [claims] = (await build(s)).view(day('2026-12-01')).claimsLedger();
    expect(claims.lines).toEqual([
      { month: '2026-04', partnerId: 'hub', milestones: [{ milestoneId: 'm1', count: 1, amountPence: 30_000 }], claimsPence: 30_000, adjustmentsPence: 0, clawbacksPence: 0, netPence: 30_000, hubFeePence: 0, payablePence: 30_000 },
      { month: '2026-04', partnerId: 'jobs', milestones: [{ milestoneId: 'm1', count: 1, amountPence: 30_000 }], claimsPence: 30_000, adjustmentsPence: 1_005, clawbacksPence: 0, netPence: 31_005, hubFeePence: 3_101, payablePence: 27_904 },
      { month: '2026-05', partnerId: 'debt', milestones: [], claimsPence: 0, adjustmentsPence: 0, clawbacksPence: -2_000, netPence: -2_000, hubFeePence: -200, payablePence: -1_800 },
    ]);
    expect(claims.totals).toEqual({ claimsPence: 60_000, adjustmentsPence: 1_005, clawbacksPence: -2_000, netPence: 59_005, hubFeePence: 2_901, payablePence: 56_104 });
    expect(claims.byMonth.map((m) => [m.month, m.netPence])).toEqual([['2026-04', 61_005], ['2026-05', -2_000]]);
    const [own] = (await build(s)).view(day('2026-12-01')).claimsLedger({ partnerId: 'jobs' });
    expect(own.lines.map((l) => l.partnerId)).toEqual(['jobs']);
    expect(own.totals.netPence).toBe(31_005);
  });

  it('the funnel and waiting times per receiving partner', async () => {
    await referred(s, 'p1', 'r1', jobs, 'svc-jobs', ['2026-03-05']); // received 03-02 09:00, first support recorded 03-05 16:00
    await referred(s, 'p2', 'r2', debt, 'svc-debt');
    await s.referral('r1', { type: 'CompleteReferral', outcome: { code: 'need-met', enteredWork: true }, actor: jobs, at: day('2026-03-20') });
    const view = (await build(s)).view(day('2026-12-01'));
    expect(view.funnel()).toEqual({
      total: { received: 2, accepted: 2, firstInteraction: 1, completed: 1 },
      partners: [{ partnerId: 'debt', received: 1, accepted: 1, firstInteraction: 0, completed: 0 }, { partnerId: 'jobs', received: 1, accepted: 1, firstInteraction: 1, completed: 1 }],
    });
    expect(view.waitingTimes({ partnerId: 'jobs' }).total).toEqual({ measured: 1, stillWaiting: 0, p50Days: 3.3, p90Days: 3.3 });
    expect(view.waitingTimes().partners.find((p) => p.partnerId === 'debt')).toEqual({ partnerId: 'debt', measured: 0, stillWaiting: 1 });
  });

  it('group attendance counts as attendances beside casework, never as participants', async () => {
    await referred(s, 'p1', 'r1', debt, 'svc-debt', ['2026-03-05']);
    await s.referral('r1', { type: 'CompleteReferral', outcome: { code: 'need-partly-met' }, actor: debt, at: day('2026-03-20') });
    await s.run(groupAttendanceDecider, streams.groupAttendance('svc-debt'), {
      type: 'RecordGroupAttendance', serviceId: 'svc-debt', sessionId: 'g1', occurredOn: '2026-03-10', count: 17, service: { exists: true, partnerId: 'debt', active: true }, actor: debt, at: day('2026-03-10', '20:00'),
    });
    const view = (await build(s)).view(day('2026-12-01'));
    const [delivery] = view.deliveryAgainstTarget({ partnerId: 'debt' });
    expect(delivery.partners).toMatchObject([{ partnerId: 'debt', interactions: 1, groupSessions: 1, attendances: 17, participantsStarted: { actual: 1 } }]);
    expect(view.outcomesBy('locality')).toEqual([
      { key: 'Halifax', completed: 1, byOutcome: { 'need-partly-met': 1 }, enteredWork: 0, groupSessions: 1, attendances: 17 },
      { key: 'Todmorden', completed: 1, byOutcome: { 'need-partly-met': 1 }, enteredWork: 0, groupSessions: 1, attendances: 17 },
    ]);
    expect(view.outcomesBy('community').map((g) => g.key)).toEqual(['carers']);
    expect(view.funnel().total.received).toBe(1);
  });

  it('delivery against target: actuals in the period so far, the target pro rata', async () => {
    await referred(s, 'p1', 'r1', jobs, 'svc-jobs', ['2026-03-05', '2026-03-12', '2026-04-02']);
    const [delivery] = (await build(s)).view(day('2026-09-01', '00:00')).deliveryAgainstTarget();
    const jobsLine = delivery.partners.find((p) => p.partnerId === 'jobs')!;
    expect(jobsLine.referralsAccepted).toEqual({ actual: 1, target: 4, expectedToDate: 2, percentOfTarget: 25 });
    expect(jobsLine.participantsStarted).toEqual({ actual: 1, target: 2, expectedToDate: 1, percentOfTarget: 50 });
    expect(jobsLine.milestones).toEqual([{ milestoneId: 'm1', actual: 1, target: 10, expectedToDate: 5, percentOfTarget: 10 }, { milestoneId: 'm2', actual: 0 }]);
    expect(delivery.elapsed).toBe(0.504); // 184 of 365 days
  });

  it('as of a moment: only events whose business time is not after it; the same answer every time', async () => {
    await referred(s, 'p1', 'r1', jobs, 'svc-jobs', ['2026-03-05', '2026-03-12', '2026-04-02']);
    const log = await s.store.readAll(0, 10_000);
    const before = await outcomesAsOf(log, '2026-04-01');
    expect(before.view().attainments()).toEqual([]);
    expect(before.view().funnel().total).toEqual({ received: 1, accepted: 1, firstInteraction: 1, completed: 0 });
    const first = (await outcomesAsOf(log, '2026-04-02T16:00:00.000Z')).view().claimsLedger();
    const again = (await outcomesAsOf(log, '2026-04-02T16:00:00.000Z')).view().claimsLedger();
    expect(first[0].totals.claimsPence).toBe(30_000);
    expect(again).toEqual(first);
    expect((await build(s, '2026-04-02T15:59:59.999Z')).view().attainments()).toEqual([]);
  });

  it('reset forgets everything', async () => {
    await referred(s, 'p1', 'r1', jobs, 'svc-jobs', ['2026-03-05']);
    const outcomes = await build(s);
    outcomes.reset();
    expect(outcomes.view(day('2026-12-01')).funnel().total.received).toBe(0);
    expect(outcomes.view(day('2026-12-01')).contracts()).toEqual([]);
  });
});
