import { OnedoorTestApp, startTestApp } from './support/onedoor-test-app';
import { expectBadInput, expectRefused, sendWritingNothing, withField } from './support/refusals';

/**
 * Outcomes over HTTP on the demo consortium: a contract, a participant's work at calder-works, a spell in
 * work and a choir session, then the reports live and as of earlier moments, as the hub and as partners.
 * The business clock is moved to 2030 so every date is the test's own.
 */
describe('insights: contracts, milestones, claims and reports, live and as of any moment', () => {
  let t: OnedoorTestApp;
  const hub = () => t.auth('calder-hub');
  const works = () => t.auth('calder-works');
  const minds = () => t.auth('valley-minds');
  const at = (iso: string) => t.setNow(iso);
  const ok = (status: number) => (res: { status: number; text: string }) => {
    if (res.status !== status) throw new Error(`setup failed: ${res.status} ${res.text}`);
  };
  const contract = {
    contractId: 'into-work', name: 'Into Work', commissioner: 'Calderdale Council', period: { start: '2030-01-01', end: '2031-06-30' },
    milestones: [
      { milestoneId: 'm1', name: 'Three activities', rule: { kind: 'activity-count', atLeast: 3, kinds: ['assessment', 'one-to-one', 'advice'] }, paymentPence: 30_000 },
      { milestoneId: 'm2', name: 'In work 13 weeks', rule: { kind: 'sustained-employment', weeks: 13 }, paymentPence: 50_000 },
      { milestoneId: 'm3', name: 'In work 26 weeks', rule: { kind: 'sustained-employment', weeks: 26 }, paymentPence: 70_000 },
    ],
    hubFee: { kind: 'share-of-member-claims', percent: 10 },
    targets: [{ partnerId: 'calder-works', referralsAccepted: 40, participantsStarted: 30, milestones: [{ milestoneId: 'm1', count: 20 }] }, { partnerId: 'valley-minds', participantsStarted: 10 }],
  };

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true });
    at('2029-12-20T09:00:00.000Z');
    await t.http().post('/contracts').set('authorization', hub()).send(contract).then(ok(201));
    at('2030-01-06T09:00:00.000Z');
    await t.http().post('/referrals').set('authorization', hub()).send({ referralId: 'r-pbr', personId: 'demo-person-1', needs: ['employment'], serviceId: 'job-club' }).then(ok(201));
    at('2030-01-06T15:00:00.000Z');
    await t.http().post('/referrals/r-pbr/accept').set('authorization', works()).then(ok(200));
    for (const [i, day] of ['2030-01-07', '2030-01-14', '2030-02-04'].entries()) {
      at(`${day}T16:00:00.000Z`);
      await t.http().post('/referrals/r-pbr/interactions').set('authorization', works()).send({ interactionId: `pbr-${i}`, kind: 'one-to-one', occurredOn: day }).then(ok(201));
    }
    at('2030-02-05T20:00:00.000Z');
    await t.http().post('/group-attendance').set('authorization', minds()).send({ sessionId: 'choir-1', serviceId: 'valley-voices-choir', occurredOn: '2030-02-05', count: 23 }).then(ok(201));
    at('2030-02-10T12:00:00.000Z');
    await t.http().post('/participants/demo-person-1/employment/start').set('authorization', works()).send({ startedOn: '2030-02-10' }).then(ok(201));
    at('2030-06-01T09:00:00.000Z');
  });
  afterAll(() => t.close());

  it('the contract reads back with its terms; any partner may read it, so the funding split is open', async () => {
    const res = await t.http().get('/contracts/into-work').set('authorization', minds()).expect(200);
    expect(res.body).toMatchObject({ contractId: 'into-work', hubPartnerId: 'calder-hub', terms: [{ effectiveFrom: '2030-01-01', hubFee: { percent: 10 } }] });
    expect(res.body.terms[0].milestones.map((m: { milestoneId: string }) => m.milestoneId)).toEqual(['m1', 'm2', 'm3']);
  });

  it('the demo seeds a contract and a light-touch session, so the reports have something to show', async () => {
    const list = (await t.http().get('/contracts').set('authorization', works()).expect(200)).body.items;
    expect(list.map((c: { contractId: string }) => c.contractId)).toEqual(['demo-contract', 'into-work']);
    const outcomes = (await t.http().get('/insights/outcomes?by=community').set('authorization', t.auth('carers-circle')).expect(200)).body;
    expect(outcomes.groups.find((g: { key: string }) => g.key === 'carers')).toMatchObject({ groupSessions: 1, attendances: 14 });
  });

  it('milestones with their evidence: the hub sees all, a partner those it earned', async () => {
    const res = await t.http().get('/insights/milestones').set('authorization', hub()).expect(200);
    expect(res.body.asOf).toBe('2030-06-01T09:00:00.000Z');
    expect(res.body.attainments.map((a: { milestoneId: string; attainedAt: string; partnerId: string }) => [a.milestoneId, a.attainedAt.slice(0, 10), a.partnerId])).toEqual([
      ['m1', '2030-02-04', 'calder-works'],
      ['m2', '2030-05-12', 'calder-works'],
    ]);
    expect(res.body.attainments[0].evidence.map((e: { type: string }) => e.type)).toEqual(['InteractionRecorded', 'InteractionRecorded', 'InteractionRecorded']);
    expect(res.body.summary).toEqual([
      { contractId: 'into-work', milestoneId: 'm1', name: 'Three activities', attained: 1, amountPence: 30_000 },
      { contractId: 'into-work', milestoneId: 'm2', name: 'In work 13 weeks', attained: 1, amountPence: 50_000 },
    ]);
    expect((await t.http().get('/insights/milestones').set('authorization', works()).expect(200)).body.attainments).toHaveLength(2);
    expect((await t.http().get('/insights/milestones').set('authorization', minds()).expect(200)).body).toMatchObject({ partnerId: 'valley-minds', attainments: [] });
  });

  it('the claims ledger per partner and month, with the hub fee; a partner sees its own lines only', async () => {
    const [claims] = (await t.http().get('/insights/claims?contractId=into-work').set('authorization', hub()).expect(200)).body.contracts;
    expect(claims.lines).toEqual([
      { month: '2030-02', partnerId: 'calder-works', milestones: [{ milestoneId: 'm1', count: 1, amountPence: 30_000 }], claimsPence: 30_000, adjustmentsPence: 0, clawbacksPence: 0, netPence: 30_000, hubFeePence: 3_000, payablePence: 27_000 },
      { month: '2030-05', partnerId: 'calder-works', milestones: [{ milestoneId: 'm2', count: 1, amountPence: 50_000 }], claimsPence: 50_000, adjustmentsPence: 0, clawbacksPence: 0, netPence: 50_000, hubFeePence: 5_000, payablePence: 45_000 },
    ]);
    const own = (await t.http().get('/insights/claims?contractId=into-work').set('authorization', minds()).expect(200)).body;
    expect(own.contracts[0].lines).toEqual([]);
    const refused = await t.http().get('/insights/claims?partnerId=calder-works').set('authorization', minds());
    expect({ status: refused.status, rule: refused.body.rule }).toEqual({ status: 403, rule: 'insights.not-your-partner' });
    expect((await t.http().get('/insights/claims?contractId=into-work&partnerId=calder-works&month=2030-05').set('authorization', hub()).expect(200)).body.contracts[0].totals.netPence).toBe(50_000);
  });

  it('delivery against target counts casework and group attendances, per partner', async () => {
    const [delivery] = (await t.http().get('/insights/delivery?contractId=into-work').set('authorization', hub()).expect(200)).body.contracts;
    const works = delivery.partners.find((p: { partnerId: string }) => p.partnerId === 'calder-works');
    const minds = delivery.partners.find((p: { partnerId: string }) => p.partnerId === 'valley-minds');
    expect(works).toMatchObject({ referralsAccepted: { actual: 1, target: 40 }, participantsStarted: { actual: 1, target: 30 }, interactions: 3, attendances: 0 });
    expect(minds).toMatchObject({ participantsStarted: { actual: 0, target: 10 }, interactions: 0, groupSessions: 1, attendances: 23 });
  });

  it('the funnel, waiting times and outcomes, each narrowed to the partner asking', async () => {
    const funnel = (await t.http().get('/insights/funnel').set('authorization', works()).expect(200)).body;
    expect(funnel.partners.map((p: { partnerId: string }) => p.partnerId)).toEqual(['calder-works']);
    expect(funnel.total).toMatchObject({ received: 2, accepted: 2, firstInteraction: 2 }); // the demo referral and r-pbr
    const waits = (await t.http().get('/insights/waiting-times').set('authorization', hub()).expect(200)).body;
    expect(waits.partners.find((p: { partnerId: string }) => p.partnerId === 'calder-works').measured).toBe(2);
    const outcomes = (await t.http().get('/insights/outcomes?by=locality').set('authorization', minds()).expect(200)).body;
    expect(outcomes).toMatchObject({ by: 'locality', groups: [{ key: 'Sowerby Bridge', groupSessions: 1, attendances: 23, completed: 0 }] });
  });

  describe('as of a moment', () => {
    it('counts only what had happened by then, by the business clock', async () => {
      const before = (await t.http().get('/insights/claims?contractId=into-work&as_of=2030-02-03').set('authorization', hub()).expect(200)).body;
      expect(before.asOf).toBe('2030-02-03T23:59:59.999Z');
      expect(before.contracts[0].lines).toEqual([]);
      const onTheDay = (await t.http().get('/insights/claims?contractId=into-work&as_of=2030-02-04').set('authorization', hub()).expect(200)).body;
      expect(onTheDay.contracts[0].totals.claimsPence).toBe(30_000);
      const anHourBefore = (await t.http().get('/insights/milestones?as_of=2030-02-04T15:00:00Z').set('authorization', hub()).expect(200)).body;
      expect(anHourBefore.attainments).toEqual([]);
      // The spell reaches 13 weeks on 12 May with no event that day.
      expect((await t.http().get('/insights/milestones?as_of=2030-05-11').set('authorization', hub()).expect(200)).body.attainments).toHaveLength(1);
      expect((await t.http().get('/insights/milestones?as_of=2030-05-12').set('authorization', hub()).expect(200)).body.attainments).toHaveLength(2);
    });

    it('gives the same answer every time, writes made since included', async () => {
      const ask = () => t.http().get('/insights/claims?as_of=2030-05-20T00:00:00Z').set('authorization', hub()).expect(200);
      const first = (await ask()).body;
      at('2030-06-02T09:00:00.000Z');
      await t.http().post('/contracts/into-work/adjustments').set('authorization', hub()).send({ adjustmentId: 'adj-1', partnerId: 'calder-works', month: '2030-05', amountPence: 1_000, reason: 'travel costs' }).expect(201);
      const again = (await ask()).body;
      expect(again).toEqual(first);
      const live = (await t.http().get('/insights/claims?contractId=into-work&month=2030-05').set('authorization', hub()).expect(200)).body;
      expect(live.contracts[0].totals).toMatchObject({ adjustmentsPence: 1_000, netPence: 51_000, hubFeePence: 5_100 });
      at('2030-06-01T09:00:00.000Z');
    });
  });

  describe('refusals name the problem and write nothing', () => {
    it.each([
      ['an unknown milestone rule', withField(contract, 'milestones', [{ ...contract.milestones[0], rule: { kind: 'moon-phase' } }]), ['milestones[0].rule.kind']],
      ['overlapping milestones (one rule twice)', withField(contract, 'milestones', [contract.milestones[0], { ...contract.milestones[0], milestoneId: 'm1-again' }]), ['milestones']],
      ['overlapping milestones (one id twice)', withField(contract, 'milestones', [contract.milestones[0], { ...contract.milestones[1], milestoneId: 'm1' }]), ['milestones']],
      ['a negative payment', withField(contract, 'milestones', [contract.milestones[0], { ...contract.milestones[1], paymentPence: -500 }]), ['milestones[1].paymentPence']],
      ['a zero payment', withField(contract, 'milestones', [{ ...contract.milestones[0], paymentPence: 0 }]), ['milestones[0].paymentPence']],
      ['a fractional payment', withField(contract, 'milestones', [{ ...contract.milestones[0], paymentPence: 12.5 }]), ['milestones[0].paymentPence']],
      ['no milestones', withField(contract, 'milestones', []), ['milestones']],
      ['a period that is not dates', withField(contract, 'period', { start: '2030-02-30', end: 'later' }), ['period.start', 'period.end']],
      ['a hub fee over 100%', withField(contract, 'hubFee', { kind: 'share-of-member-claims', percent: 150 }), ['hubFee.percent']],
      ['a stray field', { ...contract, contractId: 'other', discount: 5 }, ['discount']],
    ])('POST /contracts with %s → 400', async (_label, body, fields) => {
      await expectBadInput(t, () => t.http().post('/contracts').set('authorization', hub()).send(body as object), fields);
    });

    it.each([
      ['not a date', 'yesterday'],
      ['an impossible date', '2030-02-30'],
      ['a date-time without its offset', '2030-02-03T10:00'],
      ['a number', '1893456000'],
    ])('as_of that is %s → 400 naming as_of', async (_label, asOf) => {
      for (const report of ['milestones', 'claims', 'delivery', 'funnel', 'waiting-times', 'outcomes?by=community']) {
        const url = `/insights/${report}${report.includes('?') ? '&' : '?'}as_of=${encodeURIComponent(asOf)}`;
        await expectBadInput(t, () => t.http().get(url).set('authorization', hub()), ['as_of']);
      }
    });

    it('outcomes need a grouping', async () => {
      await expectBadInput(t, () => t.http().get('/insights/outcomes?by=postcode').set('authorization', hub()), ['by']);
    });

    it.each([
      ['a partner agreeing a contract', 403, 'contract.only-hub', () => t.http().post('/contracts').set('authorization', works()).send({ ...contract, contractId: 'k-works' })],
      ['a contract agreed twice', 409, 'contract.already-exists', () => t.http().post('/contracts').set('authorization', hub()).send(contract)],
      ['a rule given a setting its kind does not take', 422, 'contract.milestone-rule-invalid', () => t.http().post('/contracts').set('authorization', hub()).send({ ...withField(contract, 'milestones', [{ ...contract.milestones[0], rule: { kind: 'activity-count', atLeast: 3, weeks: 4 } }]), contractId: 'k-rule' })],
      ['a target for a partner outside the consortium', 422, 'contract.target-partner-unknown', () => t.http().post('/contracts').set('authorization', hub()).send({ ...contract, contractId: 'k2', targets: [{ partnerId: 'nobody', referralsAccepted: 1 }] })],
      ['an amendment reaching back before this month', 422, 'contract.amendment-retroactive', () => t.http().post('/contracts/into-work/amendments').set('authorization', hub()).send({ effectiveFrom: '2030-03-01', reason: 'variation', changes: { hubFee: { kind: 'share-of-member-claims', percent: 8 } } })],
      ['an amendment of an unknown contract', 404, 'contract.not-found', () => t.http().post('/contracts/nope/amendments').set('authorization', hub()).send({ effectiveFrom: '2030-07-01', reason: 'variation', changes: { hubFee: { kind: 'share-of-member-claims', percent: 8 } } })],
      ['a partner clawing back', 403, 'contract.only-hub', () => t.http().post('/contracts/into-work/clawbacks').set('authorization', works()).send({ partnerId: 'calder-works', month: '2030-02', amountPence: 100, reason: 'x' })],
      ['a claim change outside the period', 422, 'claim.month-invalid', () => t.http().post('/contracts/into-work/adjustments').set('authorization', hub()).send({ partnerId: 'calder-works', month: '2032-01', amountPence: 100, reason: 'x' })],
      ['attendance at another partner\'s session', 403, 'group.not-your-service', () => t.http().post('/group-attendance').set('authorization', works()).send({ serviceId: 'valley-voices-choir', occurredOn: '2030-05-30', count: 3 })],
      ['attendance recorded before the session', 422, 'group.date-in-future', () => t.http().post('/group-attendance').set('authorization', minds()).send({ serviceId: 'valley-voices-choir', occurredOn: '2030-06-05', count: 3 })],
      ['a second start while in work', 409, 'employment.already-in-work', () => t.http().post('/participants/demo-person-1/employment/start').set('authorization', works()).send({ startedOn: '2030-05-01' })],
      ['employment of an unknown person', 404, 'employment.person-not-found', () => t.http().post('/participants/nobody/employment/start').set('authorization', works()).send({ startedOn: '2030-05-01' })],
    ])('%s → %i %s', async (_label, status, rule, send) => {
      await expectRefused(t, send as () => PromiseLike<import('supertest').Response>, status as number, rule as string);
    });

    it.each([
      ['a clawback of a negative amount', '/contracts/into-work/clawbacks', { partnerId: 'calder-works', month: '2030-02', amountPence: -100, reason: 'x' }, ['amountPence']],
      ['an adjustment month that is not YYYY-MM', '/contracts/into-work/adjustments', { partnerId: 'calder-works', month: 'May', amountPence: 100, reason: 'x' }, ['month']],
      ['an amendment dated by a non-date', '/contracts/into-work/amendments', { effectiveFrom: 'next month', reason: 'x', changes: {} }, ['effectiveFrom']],
      ['an activity rule naming a kind twice', '/contracts/into-work/amendments', { effectiveFrom: '2030-07-01', reason: 'x', changes: { milestones: [{ milestoneId: 'm1', name: 'x', rule: { kind: 'activity-count', atLeast: 2, kinds: ['advice', 'advice'] }, paymentPence: 1 }] } }, ['changes.milestones[0].rule.kinds']],
      ['an outcome rule with more outcomes than there are', '/contracts/into-work/amendments', { effectiveFrom: '2030-07-01', reason: 'x', changes: { milestones: [{ milestoneId: 'm1', name: 'x', rule: { kind: 'referral-completed', outcomes: Array(100).fill('need-met') }, paymentPence: 1 }] } }, ['changes.milestones[0].rule.outcomes']],
      ['an amendment with an unknown rule', '/contracts/into-work/amendments', { effectiveFrom: '2030-07-01', reason: 'x', changes: { milestones: [{ milestoneId: 'm1', name: 'x', rule: { kind: 'vibes' }, paymentPence: 1 }] } }, ['changes.milestones[0].rule.kind']],
      ['a group count that is not a whole number', '/group-attendance', { serviceId: 'valley-voices-choir', occurredOn: '2030-05-30', count: 2.5 }, ['count']],
      ['an employment start that is not a date', '/participants/demo-person-1/employment/start', { startedOn: '2030-13-01' }, ['startedOn']],
    ])('%s → 400', async (_label, url, body, fields) => {
      await expectBadInput(t, () => t.http().post(url).set('authorization', url.startsWith('/group') ? minds() : url.startsWith('/participants') ? works() : hub()).send(body), fields);
    });

    it('a refused read writes nothing either', async () => {
      const res = await sendWritingNothing(t, () => t.http().get('/insights/funnel?as_of=soon').set('authorization', works()));
      expect(res.status).toBe(400);
    });
  });
});
