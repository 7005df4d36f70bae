import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { PublicEventValidator } from '@onedoor/messaging';
import { SqlitePartnerFeedStore } from '@onedoor/relay-stores';
import { PartnerFeed } from '../apps/relay/src/feed/partner-feed';
import { OnedoorTestApp, startTestApp } from './support/onedoor-test-app';
import { FeedItemBody, referPerson, shortType, wholeFeed } from './support/partner-streams';
import { expectBadInput, expectRefused, today } from './support/refusals';

/**
 * The pull feed: youth-forward (A) registers Jaylen and refers him to calder-works' Job Club (B); valley-minds (C)
 * is not involved. Jaylen's consent covers calder-works, until he withdraws it; then he is erased.
 */
describe('the partner pull feed', () => {
  let t: OnedoorTestApp;
  let ids: Awaited<ReturnType<typeof referPerson>>;
  const A = 'youth-forward';
  const B = 'calder-works';
  const C = 'valley-minds';
  const SECRETS = ['Jaylen', 'Feedtester', '07700 900777', 'Wants forklift training', 'Prefers afternoons'];
  const about = (items: FeedItemBody[]) => items.filter((i) => i.key === ids.referralId || i.key === ids.personId);
  const validator = new PublicEventValidator();

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true });
    ids = await referPerson(t, { from: A, consentFor: [B], serviceId: 'job-club', name: 'Jaylen', summary: 'Wants forklift training' });
    await t.http().post(`/referrals/${ids.referralId}/accept`).set('authorization', t.auth(B)).expect(200);
    await t.http().post(`/referrals/${ids.referralId}/interactions`).set('authorization', t.auth(B)).send({ kind: 'one-to-one', occurredOn: today(), notes: 'Prefers afternoons' }).expect(201);
  });
  afterAll(() => t.close());

  it("carries the referral on the referring and receiving partners' feeds, and not on anyone else's", async () => {
    expect(about(await wholeFeed(t, A)).map(shortType)).toEqual(['person.details', 'referral.created', 'referral.routed', 'referral.accepted', 'referral.started', 'referral.interaction-recorded']);
    expect(about(await wholeFeed(t, B)).map(shortType)).toEqual(['person.details', 'referral.routed', 'referral.accepted', 'referral.started', 'referral.interaction-recorded']);
    expect(about(await wholeFeed(t, C))).toEqual([]);
  });

  it('carries personal fields only where consent (or having registered the person) allows', async () => {
    const b = about(await wholeFeed(t, B));
    expect(b[0]).toMatchObject({ topic: `onedoor.onedoor.partner.${B}.people`, key: ids.personId, event: { data: { personal: { givenName: 'Jaylen', familyName: 'Feedtester' } } } });
    expect(b.find((i) => shortType(i) === 'referral.routed')!.event.data!.personal).toEqual({ summary: 'Wants forklift training' });
    expect(b.find((i) => shortType(i) === 'referral.interaction-recorded')!.event.data!.personal).toEqual({ notes: 'Prefers afternoons' });
    // The hub may read B's feed (it manages the consortium), but B's consent is not the hub's: no personal data.
    const asHub = await wholeFeed(t, B, 'calder-hub');
    const withoutPersonal = (await wholeFeed(t, B)).filter((i) => !i.topic.endsWith('.people')).map((i) => ({ ...i, event: { ...i.event, data: { ...i.event.data, personal: undefined } } }));
    expect(asHub).toEqual(JSON.parse(JSON.stringify(withoutPersonal)));
    for (const secret of SECRETS) expect(JSON.stringify(asHub)).not.toContain(secret);
  });

  it('serves CloudEvents whose data conforms to the published schemas, in log order', async () => {
    const b = await wholeFeed(t, B);
    for (const item of b) {
      expect(item.event).toMatchObject({ specversion: '1.0', source: 'urn:onedoor:consortium:onedoor', subject: item.key });
      if (item.event.data) expect(validator.errors(item.event.type, item.event.data)).toEqual([]);
    }
    const positions = b.map((i) => i.event.position);
    expect(positions).toEqual([...positions].sort((x, y) => x - y));
  });

  it('pages with the cursor it returns, never splitting an event, and the pages add up to the whole feed', async () => {
    const whole = await wholeFeed(t, B);
    const paged: FeedItemBody[] = [];
    let after = 0;
    for (let page = 0; page < 100; page++) {
      const res = await t.http().get(`/partners/${B}/events`).query({ after, limit: 1 }).set('authorization', t.auth(B)).expect(200);
      if (res.body.items.length === 0) break;
      paged.push(...res.body.items);
      expect(res.body.next).toBe(res.body.items.at(-1).event.position);
      after = res.body.next;
    }
    expect(paged).toEqual(whole);
    const end = await t.http().get(`/partners/${B}/events`).query({ after }).set('authorization', t.auth(B)).expect(200);
    expect(end.body).toMatchObject({ items: [], next: end.body.head });
  });

  it('rebuilds from the log when feed.sqlite is lost: the same messages, stored a batch of events at a time', async () => {
    const before = await wholeFeed(t, B);
    await t.close({ keepData: true });
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(t.dataDir, `feed.sqlite${suffix}`), { force: true });
    const transactions = jest.spyOn(SqlitePartnerFeedStore.prototype, 'append');
    try {
      t = await startTestApp({ dataDir: t.dataDir });
      // Its router checkpoint is past what the new feed.sqlite holds (nothing), so the whole log is routed again.
      expect(t.app.get(PartnerFeed).routedFrom).toBe(0);
      const head: number = (await t.http().get('/health').expect(200)).body.eventStore.headPosition;
      expect(await wholeFeed(t, B)).toEqual(before);
      expect(transactions.mock.calls.length).toBeLessThan(head / 10);
      expect(transactions.mock.calls.at(-1)![0]).toBe(head);
    } finally {
      transactions.mockRestore();
    }
  });

  it('after consent is withdrawn, the details are tombstoned, the referral is held, and nothing personal follows', async () => {
    const before = (await wholeFeed(t, B)).length;
    await t.http().post(`/people/${ids.personId}/consents/${ids.consentId}/withdraw`).set('authorization', t.auth(A)).expect(200);
    // The consent-loss process holds the live referral (issue 13): no more support is recorded on it until consent returns.
    let later: FeedItemBody[] = [];
    for (let i = 0; i < 100 && later.length < 2; i++) {
      await new Promise((r) => setTimeout(r, 20));
      later = (await wholeFeed(t, B)).slice(before);
    }
    expect(later.map(shortType)).toEqual(['person.details', 'referral.put-on-hold']);
    expect(later[0].event.data).toBeUndefined(); // the tombstone: forget the details
    expect(later[1].event.data!.personal).toBeUndefined();
    expect(later[1].event.data!.reason).toMatchObject({ code: 'consent-ended' });
    await t.http().post(`/referrals/${ids.referralId}/interactions`).set('authorization', t.auth(B)).send({ kind: 'phone-call', occurredOn: today(), notes: 'Prefers afternoons' }).expect(409);
  });

  it('erasure reaches every feed that carried the person, and their details vanish from the feed itself', async () => {
    await t.http().delete(`/people/${ids.personId}`).set('authorization', t.auth(A)).expect(200);
    for (const partner of [A, B]) {
      const feed = await wholeFeed(t, partner);
      expect(feed.filter((i) => shortType(i) === 'person.erased')).toEqual([expect.objectContaining({ key: ids.personId, event: expect.objectContaining({ data: { personId: ids.personId, occurredAt: expect.any(String) } }) })]);
      const text = JSON.stringify(feed);
      for (const secret of SECRETS) expect(text).not.toContain(secret);
    }
    expect(about(await wholeFeed(t, C))).toEqual([]);
  });

  it('refuses bad input by name, another partner, and unknown partners, writing nothing', async () => {
    const get = (partnerId: string, query: Record<string, unknown>, as = B) => () => t.http().get(`/partners/${partnerId}/events`).query(query).set('authorization', t.auth(as));
    for (const after of ['abc', '-1', '1.5', '01', '']) await expectBadInput(t, get(B, { after }), ['after']);
    for (const limit of ['0', '1001', 'ten', '-5']) await expectBadInput(t, get(B, { limit }), ['limit']);
    await expectBadInput(t, get(B, { after: 'x', limit: '0' }), ['after', 'limit']);
    await expectBadInput(t, () => t.http().get(`/partners/${B}/events?after=1&after=2`).set('authorization', t.auth(B)), ['after']);
    await expectBadInput(t, get(B, { since: '3' }), ['since']);
    await expectRefused(t, get(B, {}, C), 403, 'feed.not-yours');
    await expectRefused(t, get('no-such-partner', {}, 'calder-hub'), 404, 'partner.not-found');
    const anonymous = await t.http().get(`/partners/${B}/events`);
    expect(anonymous.status).toBe(401);
  });

  it('resumes after a restart from its checkpoint: the same messages, none twice', async () => {
    const before = await wholeFeed(t, B);
    const head = await t.head();
    await t.close({ keepData: true });
    t = await startTestApp({ dataDir: t.dataDir });
    // The router's own checkpoint was restored: it routed nothing again (a person erased earlier stays so in it).
    expect(t.app.get(PartnerFeed).routedFrom).toBe(head);
    expect(await wholeFeed(t, B)).toEqual(before);
    await t.http().post('/referrals').set('authorization', t.auth('calder-hub')).send({ personId: 'demo-person-1', needs: ['employment'], serviceId: 'job-club' }).expect(201);
    const after = await wholeFeed(t, B);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length).map(shortType)).toEqual(['referral.routed']);
  });

  it('publishes the AsyncAPI document openly', async () => {
    const res = await t.http().get('/asyncapi.json').expect(200);
    expect(res.body).toMatchObject({ asyncapi: '3.0.0', channels: { hub: expect.anything(), partner: expect.anything(), partnerPeople: expect.anything() } });
  });
});
