import { LiveListener, Notice } from './support/live-listener';
import { OnedoorTestApp, startTestApp } from './support/onedoor-test-app';

jest.setTimeout(60_000);

/** GET /live: notices from committed events, scoped by the same access rules as the API, never personal data. */
describe('live stream for open consoles', () => {
  let t: OnedoorTestApp;
  let port: number;
  const listeners: LiveListener[] = [];

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true });
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as { port: number }).port;
  });
  afterAll(async () => {
    listeners.forEach((l) => l.close());
    await t.close();
  });

  async function listen(partnerId: string): Promise<LiveListener> {
    const listener = new LiveListener(port, t.auth(partnerId));
    listeners.push(listener);
    expect(await listener.open()).toBe(200);
    return listener;
  }

  it('needs a token', async () => {
    const anonymous = new LiveListener(port, '');
    listeners.push(anonymous);
    expect(await anonymous.open()).toBe(401);
  });

  it("tells the parties and the hub about a referral, and no other partner; never a person's details", async () => {
    const [hub, works, money] = [await listen('calder-hub'), await listen('calder-works'), await listen('fair-money')];
    const created = await t.http().post('/referrals').set('authorization', t.auth('calder-hub')).send({ personId: 'demo-person-1', needs: ['employment'], serviceId: 'job-club', summary: 'Amira wants warehouse work' }).expect(201);
    const referralId = created.body.referralId;
    await t.http().post(`/referrals/${referralId}/accept`).set('authorization', t.auth('calder-works')).expect(200);

    const accepted = (n: Notice) => n.referralId === referralId && n.status === 'accepted';
    expect(await works.until(accepted)).toMatchObject({ kind: 'referral', referralId, personId: 'demo-person-1', status: 'accepted' });
    await hub.until(accepted);
    // Fair Money hears about its own things only: a change to one of its services reaches it, the referral never did.
    await t.http().put('/services/benefits-check/capacity').set('authorization', t.auth('fair-money')).send({ available: 20, maximum: 30, unit: 'appointments-per-week' }).expect(200);
    await money.until((n) => n.kind === 'service' && n.serviceId === 'benefits-check');
    expect(money.notices.filter((n) => n.referralId === referralId)).toEqual([]);
    for (const listener of [hub, works, money]) {
      expect(listener.raw).not.toMatch(/Amira|Khan|warehouse|1988-03-14/);
    }
  });

  it('tells a partner about a person only while it may see them', async () => {
    const person = await t.http().post('/people').set('authorization', t.auth('calder-hub')).send({ givenName: 'Lee', familyName: 'Ward', dateOfBirth: '1990-01-01' }).expect(201);
    const personId = person.body.personId;
    const consent = await t.http().post(`/people/${personId}/consents`).set('authorization', t.auth('calder-hub')).send({ scope: 'partners', partnerIds: ['valley-minds'], purposes: ['referral'] }).expect(201);
    const [minds, housing] = [await listen('valley-minds'), await listen('hearth-housing')];

    await t.http().patch(`/people/${personId}`).set('authorization', t.auth('calder-hub')).send({ phone: '01422 111222' }).expect(200);
    await minds.until((n) => n.kind === 'person' && n.personId === personId);
    const consentId = consent.body.consents[0].consentId;
    await t.http().post(`/people/${personId}/consents/${consentId}/withdraw`).set('authorization', t.auth('calder-hub')).expect(200);
    await t.http().patch(`/people/${personId}`).set('authorization', t.auth('calder-hub')).send({ phone: '01422 333444' }).expect(200);
    // The hub's own stream shows both corrections landed before we judge the others' silence.
    const hub = await listen('calder-hub');
    await t.http().patch(`/people/${personId}`).set('authorization', t.auth('calder-hub')).send({ phone: '01422 555666' }).expect(200);
    await hub.until((n) => n.kind === 'person' && n.personId === personId);
    expect(minds.notices.filter((n) => n.personId === personId)).toHaveLength(1);
    expect(housing.notices.filter((n) => n.personId === personId)).toEqual([]);
  });
});
