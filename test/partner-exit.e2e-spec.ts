import { OnedoorTestApp, startTestApp } from './support/onedoor-test-app';

/** Partners join and leave; a leaving partner's open referrals are never orphaned. */
describe('a partner leaving the consortium', () => {
  let t: OnedoorTestApp;
  const hub = () => t.auth('calder-hub');

  beforeAll(async () => (t = await startTestApp({ seedDemo: true })));
  afterAll(() => t.close());

  it('cannot leave while it has open referrals and no successor', async () => {
    const head = await t.head();
    const res = await t.http().post('/consortium/partners/calder-works/leave').set('authorization', hub()).send({}).expect(409);
    expect(res.body).toMatchObject({ rule: 'consortium.open-referrals-need-successor', details: { openReferrals: 1 } });
    expect(await t.head()).toBe(head);
  });

  it('the successor must be a current member', async () => {
    const res = await t.http().post('/consortium/partners/calder-works/leave').set('authorization', hub()).send({ successorPartnerId: 'nobody' }).expect(422);
    expect(res.body.rule).toBe('consortium.successor-not-member');
  });

  it('leaving with a successor moves its open referrals there, keeping their history', async () => {
    const before = await t.http().get('/referrals/demo-referral-1').set('authorization', hub()).expect(200);
    expect(before.body).toMatchObject({ receivingPartnerId: 'calder-works', status: 'in-progress' });

    await t.http().post('/consortium/partners/calder-works/leave').set('authorization', hub()).send({ successorPartnerId: 'youth-forward' }).expect(200);

    // The move is a process reacting to the committed PartnerLeft event.
    let moved: { receivingPartnerId?: string; status?: string } = {};
    for (let i = 0; i < 50 && moved.receivingPartnerId !== 'youth-forward'; i++) {
      moved = (await t.http().get('/referrals/demo-referral-1').set('authorization', hub()).expect(200)).body;
      if (moved.receivingPartnerId !== 'youth-forward') await new Promise((r) => setTimeout(r, 20));
    }
    expect(moved).toMatchObject({ receivingPartnerId: 'youth-forward', status: 'in-progress' });
    const history = await t.http().get('/referrals/demo-referral-1/history').set('authorization', t.auth('youth-forward')).expect(200);
    expect(history.body.history.at(-1)).toMatchObject({ type: 'ReferralReassigned', details: { fromPartnerId: 'calder-works', toPartnerId: 'youth-forward' } });
    const worklist = await t.http().get('/partners/youth-forward/worklist').set('authorization', t.auth('youth-forward')).expect(200);
    expect(worklist.body.items.map((i: { referralId: string }) => i.referralId)).toContain('demo-referral-1');
  });

  it('a partner that has left can no longer act', async () => {
    const res = await t.http().get('/partners/calder-works/worklist').set('authorization', t.auth('calder-works')).expect(403);
    expect(res.body.rule).toBe('auth.partner-not-member');
  });

  it('a partner with nothing open leaves freely', async () => {
    await t.http().post('/consortium/partners/carers-circle/leave').set('authorization', hub()).send({ successorPartnerId: 'calder-hub' }).expect(200);
    const { body } = await t.http().get('/consortium').set('authorization', hub()).expect(200);
    expect(body.partners.find((p: { partnerId: string }) => p.partnerId === 'carers-circle')).toMatchObject({ active: false });
  });
});
