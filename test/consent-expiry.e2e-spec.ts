import { ConsentExpiryProcess } from '../apps/referrals/src/people/consent-expiry.process';
import { OnedoorTestApp, startTestApp } from './support/onedoor-test-app';
import { shortType, wholeFeed } from './support/partner-streams';
import { expectRefused } from './support/refusals';

/**
 * A consent's lapse is an event: youth-forward registers Kofi with consent for calder-works until an hour from
 * "now", refers him to Job Club; when the clock passes the expiry the process records ConsentExpired, once, and
 * calder-works' feed tombstones him. A consent that lapsed while the app was down is recorded at start.
 */
describe('consent expiry', () => {
  let t: OnedoorTestApp;
  const A = 'youth-forward';
  const B = 'calder-works';
  const HOUR = 3_600_000;
  const t0 = new Date(Date.now() - 10 * HOUR).toISOString();
  const at = (hours: number) => new Date(Date.parse(t0) + hours * HOUR).toISOString();
  let personId: string;
  let referralId: string;
  const consentId = 'consent-kofi-works';
  const expiredEvents = async () => (await t.store.readAll(0, 100_000)).filter((e) => e.type === 'ConsentExpired');

  async function registerWithConsent(givenName: string, consent: string, expiresAt: string): Promise<string> {
    const person = await t.http().post('/people').set('authorization', t.auth(A))
      .send({ givenName, familyName: 'Expirytester', dateOfBirth: '1992-02-02', phone: '07700 900555', confirmedNotDuplicate: true }).expect(201);
    await t.http().post(`/people/${person.body.personId}/consents`).set('authorization', t.auth(A))
      .send({ consentId: consent, scope: 'partners', partnerIds: [B], purposes: ['referral', 'case-management'], expiresAt }).expect(201);
    return person.body.personId;
  }

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true });
    t.setNow(t0);
    personId = await registerWithConsent('Kofi', consentId, at(1));
    const referral = await t.http().post('/referrals').set('authorization', t.auth(A)).send({ personId, needs: ['employment'], serviceId: 'job-club', summary: 'Wants a forklift licence' }).expect(201);
    referralId = referral.body.referralId;
    await t.http().post(`/referrals/${referralId}/accept`).set('authorization', t.auth(B)).expect(200);
  });
  afterAll(() => t.close());

  it('records nothing before the consent is due', async () => {
    t.setNow(at(0.5));
    expect(await t.app.get(ConsentExpiryProcess).sweep()).toBe(0);
    expect(await expiredEvents()).toEqual([]);
  });

  it('records ConsentExpired once when the clock passes the expiry, dated at the expiry, by the system', async () => {
    t.setNow(at(2));
    expect(await t.app.get(ConsentExpiryProcess).sweep()).toBe(1);
    const [expired, ...more] = await expiredEvents();
    expect(more).toEqual([]);
    expect(expired).toMatchObject({ stream: `person-${personId}`, data: { personId, consentId, expiredAt: at(1), recordedAt: at(2) }, metadata: { staffId: 'system:consent-expiry' } });

    const head = await t.head();
    expect(await t.app.get(ConsentExpiryProcess).sweep()).toBe(0);
    expect(await t.head()).toBe(head);
  });

  it("tells the partner: its feed tombstones the person, and nothing personal follows", async () => {
    const [expired] = await expiredEvents();
    const feed = (await wholeFeed(t, B)).filter((i) => i.key === personId);
    expect(feed.map((i) => ({ type: shortType(i), personal: i.event.data !== undefined }))).toEqual([
      { type: 'person.details', personal: true },
      { type: 'person.details', personal: false },
    ]);
    expect(feed[1].event).toMatchObject({ position: expired.position, time: at(1) });
    expect(feed[1].event.data).toBeUndefined();
    // The consent-loss process holds the accepted referral (issue 13); what calder-works hears of it carries nothing personal.
    let later: typeof feed = [];
    for (let i = 0; i < 100 && later.length < 1; i++) {
      await new Promise((r) => setTimeout(r, 20));
      later = (await wholeFeed(t, B)).filter((i) => i.key === referralId && i.event.position > expired.position);
    }
    expect(later.map(shortType)).toEqual(['referral.put-on-hold']);
    expect(later[0].event.data!.personal).toBeUndefined();
    expect(later[0].event.data!.reason).toMatchObject({ code: 'consent-ended' });
  });

  it("shows on the person's timeline, and the consent reads as expired", async () => {
    const timeline = await t.http().get(`/people/${personId}/timeline`).set('authorization', t.auth(A)).expect(200);
    expect(timeline.body.entries.filter((e: { kind: string }) => e.kind === 'consent-expired')).toEqual([
      expect.objectContaining({ at: at(1), summary: `Consent ${consentId} expired`, partnerId: A }),
    ]);
    const person = await t.http().get(`/people/${personId}`).set('authorization', t.auth(A)).expect(200);
    expect(person.body.consents).toEqual([expect.objectContaining({ consentId, expiresAt: at(1), expiredAt: at(1), active: false })]);
  });

  it('no longer lets a new referral go to that partner, and an expired consent cannot be withdrawn', async () => {
    await expectRefused(t, () => t.http().post('/referrals').set('authorization', t.auth(A)).send({ personId, needs: ['employment'], serviceId: 'job-club' }), 422, 'referral.consent-required');
    await expectRefused(t, () => t.http().post(`/people/${personId}/consents/${consentId}/withdraw`).set('authorization', t.auth(A)), 409, 'consent.already-expired');
  });

  it('records at start a consent that lapsed while the app was down', async () => {
    t.setNow(at(3));
    const other = await registerWithConsent('Ama', 'consent-ama-works', at(4));
    // Down before the expiry (by the app's clock); back up on the real clock, hours after it.
    await t.close({ keepData: true });
    t = await startTestApp({ dataDir: t.dataDir });
    const expired = await expiredEvents();
    expect(expired.map((e) => e.data)).toEqual([
      expect.objectContaining({ personId, consentId }),
      expect.objectContaining({ personId: other, consentId: 'consent-ama-works', expiredAt: at(4) }),
    ]);
    // A second start (or a second process) writes nothing more.
    expect(await t.app.get(ConsentExpiryProcess).sweep()).toBe(0);
    expect(await expiredEvents()).toHaveLength(2);
  });
});
