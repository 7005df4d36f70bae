import { JwtService } from '@nestjs/jwt';
import { loadConfig } from '@onedoor/platform';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createOnedoorApp } from '../apps/onedoor/src/create-app';
import { OnedoorTestApp, startTestApp } from './support/onedoor-test-app';
import { expectOpaque, expectRefused, sendWritingNothing, today } from './support/refusals';

/**
 * Who may do and see what. Every call acts as a staff member of one current partner; a partner sees a person
 * only where it registered them or their consent covers it, and a referral only where it is a party or the hub.
 * A refusal says which rule refused, and nothing about the resource.
 */
describe('access: who may do and see what', () => {
  let t: OnedoorTestApp;
  const hub = () => t.auth('calder-hub');
  const works = () => t.auth('calder-works');
  const minds = () => t.auth('valley-minds');
  const money = () => t.auth('fair-money');
  const youth = () => t.auth('youth-forward');

  // Beyond the demo consortium:
  //   p-private: registered by the hub; consent covers calder-works only. r-private: hub → calder-works (job-club),
  //     accepted, with a summary and case notes. valley-minds and fair-money are outside both.
  //   p-shared: registered by the hub; consents for calder-works (c-works) and valley-minds. calder-works referred them
  //     to valley-minds (r-by-works, with a summary); then c-works was withdrawn, so calder-works is still the referrer
  //     but no longer may see the person.
  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true });
    const ok = (status: number) => (res: { status: number; text: string }) => {
      if (res.status !== status) throw new Error(`setup failed: ${res.status} ${res.text}`);
    };
    await t.http().post('/people').set('authorization', hub()).send({ personId: 'p-private', givenName: 'Priya', familyName: 'Private', dateOfBirth: '1992-02-02', postcode: 'HX1 3BB' }).then(ok(201));
    await t.http().post('/people/p-private/consents').set('authorization', hub()).send({ consentId: 'c-private', scope: 'partners', partnerIds: ['calder-works'], purposes: ['referral', 'case-management'] }).then(ok(201));
    await t.http().post('/referrals').set('authorization', hub()).send({ referralId: 'r-private', personId: 'p-private', needs: ['employment'], serviceId: 'job-club', summary: 'Priya left her warehouse job' }).then(ok(201));
    await t.http().post('/referrals/r-private/accept').set('authorization', works()).then(ok(200));
    await t.http().post('/referrals/r-private/interactions').set('authorization', works()).send({ kind: 'one-to-one', occurredOn: today(), notes: 'Priya wants evening shifts' }).then(ok(201));

    await t.http().post('/people').set('authorization', hub()).send({ personId: 'p-shared', givenName: 'Sam', familyName: 'Shared', dateOfBirth: '1975-05-05' }).then(ok(201));
    await t.http().post('/people/p-shared/consents').set('authorization', hub()).send({ consentId: 'c-works', scope: 'partners', partnerIds: ['calder-works'], purposes: ['referral'] }).then(ok(201));
    await t.http().post('/people/p-shared/consents').set('authorization', hub()).send({ consentId: 'c-minds', scope: 'partners', partnerIds: ['valley-minds'], purposes: ['referral', 'case-management'] }).then(ok(201));
    await t.http().post('/referrals').set('authorization', works()).send({ referralId: 'r-by-works', personId: 'p-shared', needs: ['mental-health'], serviceId: 'peer-support-group', summary: 'Sam is isolated since the bereavement' }).then(ok(201));
    await t.http().post('/referrals/r-by-works/accept').set('authorization', minds()).then(ok(200));
    await t.http().post('/referrals/r-by-works/interactions').set('authorization', minds()).send({ kind: 'group-session', occurredOn: today(), notes: 'Sam spoke about the bereavement' }).then(ok(201));
    await t.http().post('/people/p-shared/consents/c-works/withdraw').set('authorization', hub()).then(ok(200));
  });
  afterAll(() => t.close());

  describe('authentication', () => {
    const secret = () => readFileSync(join(t.dataDir, 'dev-auth-secret'), 'utf8').trim();
    const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const now = () => Math.floor(Date.now() / 1000);
    const headers: [string, () => string | undefined, string][] = [
      ['no Authorization header', () => undefined, 'auth.token-missing'],
      ['a Basic credential', () => 'Basic Y2FsZGVyLWh1YjpwYXNz', 'auth.token-missing'],
      ['"Bearer" with no token', () => 'Bearer ', 'auth.token-missing'],
      ['a garbage token', () => 'Bearer not-a-jwt', 'auth.token-invalid'],
      ['a token signed with another secret', () => `Bearer ${new JwtService({ secret: 'another-consortium-secret-of-32-chars!!' }).sign({ sub: 'staff-x', partnerId: 'calder-hub' })}`, 'auth.token-invalid'],
      ['an expired token', () => `Bearer ${new JwtService({ secret: secret() }).sign({ sub: 'staff-x', partnerId: 'calder-hub', iat: now() - 7200, exp: now() - 3600 })}`, 'auth.token-invalid'],
      ['an unsigned token (alg none)', () => `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'staff-x', partnerId: 'calder-hub' })}.`, 'auth.token-invalid'],
      ['a token whose partner was altered after signing', () => {
        const [header, , signature] = works().slice(7).split('.');
        return `Bearer ${header}.${b64({ sub: 'staff-calder-works', partnerId: 'calder-hub', iat: now(), exp: now() + 3600 })}.${signature}`;
      }, 'auth.token-invalid'],
      ['a correctly signed token without exp', () => `Bearer ${new JwtService({ secret: secret() }).sign({ sub: 'staff-x', partnerId: 'calder-hub' })}`, 'auth.token-lifetime'],
      ['a correctly signed token that lives a year', () => `Bearer ${new JwtService({ secret: secret() }).sign({ sub: 'staff-x', partnerId: 'calder-hub', iat: now(), exp: now() + 365 * 86_400 })}`, 'auth.token-lifetime'],
      ['a correctly signed token back-dated to live 30 hours', () => `Bearer ${new JwtService({ secret: secret() }).sign({ sub: 'staff-x', partnerId: 'calder-hub', iat: now() - 6 * 3600, exp: now() + 24 * 3600 })}`, 'auth.token-lifetime'],
    ];
    const routes: [string, (auth: string | undefined) => request.Test][] = [
      ['GET /consortium', (auth) => withAuth(t.http().get('/consortium'), auth)],
      ['GET /referrals/:id', (auth) => withAuth(t.http().get('/referrals/r-private'), auth)],
      ['POST /people', (auth) => withAuth(t.http().post('/people'), auth).send({ givenName: 'A', familyName: 'B', dateOfBirth: '2000-01-01' })],
      ['POST /referrals/:id/cancel', (auth) => withAuth(t.http().post('/referrals/r-private/cancel'), auth).send({ reason: { code: 'duplicate' } })],
    ];
    const withAuth = (req: request.Test, auth: string | undefined) => (auth === undefined ? req : req.set('authorization', auth));

    describe.each(headers)('with %s', (_, header, rule) => {
      it.each(routes)('%s is a 401 that says only why, and writes nothing', async (__, send) => {
        const res = await sendWritingNothing(t, () => send(header()));
        expectOpaque(res, 401, rule);
      });
    });

    it('health and the dev token issuer are open without a token', async () => {
      await t.http().get('/health').expect(200);
      await t.http().post('/auth/dev-token').send({ partnerId: 'calder-works' }).expect(201);
    });
  });

  describe('membership', () => {
    it.each([
      ['GET /consortium', () => t.http().get('/consortium')],
      ['GET /services', () => t.http().get('/services')],
      ['GET /people/:id', () => t.http().get('/people/p-private')],
      ['POST /people', () => t.http().post('/people').send({ givenName: 'A', familyName: 'B', dateOfBirth: '2000-01-01' })],
      ['POST /consortium (it has members now)', () => t.http().post('/consortium').send({ name: 'Mine', structure: 'umbrella' })],
      ['POST /consortium/partners (it has members now)', () => t.http().post('/consortium/partners').send({ partnerId: 'stranger', name: 'Stranger', role: 'delivery' })],
    ])('a validly signed token of a partner outside the consortium: %s is a 403', async (_, send) => {
      const res = await sendWritingNothing(t, () => send().set('authorization', t.auth('stranger')));
      expectOpaque(res, 403, 'auth.partner-not-member');
    });

    it('a partner that has left loses access at once', async () => {
      await t.http().post('/consortium/partners').set('authorization', hub()).send({ partnerId: 'short-stay', name: 'Short Stay', role: 'delivery' }).expect(201);
      await t.http().get('/consortium').set('authorization', t.auth('short-stay')).expect(200);
      await t.http().post('/consortium/partners/short-stay/leave').set('authorization', t.auth('short-stay')).send({}).expect(200);
      expectOpaque(await t.http().get('/consortium').set('authorization', t.auth('short-stay')), 403, 'auth.partner-not-member');
    });
  });

  describe('the consortium', () => {
    it('a member cannot form it again', async () => {
      await expectRefused(t, () => t.http().post('/consortium').set('authorization', works()).send({ name: 'Rival', structure: 'partnership-of-equals' }), 403, 'consortium.only-manager-forms');
    });

    it('a delivery partner cannot admit partners; the hub can', async () => {
      const res = await sendWritingNothing(t, () => t.http().post('/consortium/partners').set('authorization', works()).send({ partnerId: 'works-friend', name: 'Friend', role: 'delivery' }));
      expectOpaque(res, 403, 'consortium.only-manager-admits');
      await t.http().post('/consortium/partners').set('authorization', hub()).send({ partnerId: 'works-friend', name: 'Friend', role: 'delivery' }).expect(201);
    });

    it('a delivery partner cannot remove another partner', async () => {
      const res = await sendWritingNothing(t, () => t.http().post('/consortium/partners/works-friend/leave').set('authorization', money()).send({}));
      expectOpaque(res, 403, 'consortium.only-self-or-manager-removes');
    });

    it('the hub can remove a partner', async () => {
      const res = await t.http().post('/consortium/partners/works-friend/leave').set('authorization', hub()).send({}).expect(200);
      expect(res.body).toMatchObject({ partnerId: 'works-friend', active: false });
    });
  });

  describe('worklists', () => {
    it('a partner sees its own worklist', async () => {
      const { body } = await t.http().get('/partners/calder-works/worklist').set('authorization', works()).expect(200);
      expect(body.partnerId).toBe('calder-works');
    });

    it.each([['calder-works'], ['valley-minds'], ['nobody']])("a delivery partner cannot see another partner's worklist (%s), nor learn whether it exists", async (partnerId) => {
      expectOpaque(await t.http().get(`/partners/${partnerId}/worklist`).set('authorization', money()), 403, 'worklist.not-yours');
    });

    it("the hub sees any partner's worklist", async () => {
      const { body } = await t.http().get('/partners/valley-minds/worklist').set('authorization', hub()).expect(200);
      expect(body.items.map((i: { referralId: string }) => i.referralId)).toContain('r-by-works');
    });
  });

  describe('people', () => {
    const outsiders: [string, () => request.Test][] = [
      ['GET /people/:id', () => t.http().get('/people/p-private')],
      ['GET /people/:id/timeline', () => t.http().get('/people/p-private/timeline')],
      ['PATCH /people/:id', () => t.http().patch('/people/p-private').send({ postcode: 'HX2 0AA' })],
      ['POST /people/:id/consents', () => t.http().post('/people/p-private/consents').send({ scope: 'consortium', purposes: ['referral'] })],
      ['POST /people/:id/consents/:cid/withdraw', () => t.http().post('/people/p-private/consents/c-private/withdraw')],
    ];
    describe.each([['valley-minds'], ['fair-money']])('%s, which no consent covers', (partnerId) => {
      it.each(outsiders)('%s is a 403 that says nothing about the person, and writes nothing', async (_, send) => {
        const res = await sendWritingNothing(t, () => send().set('authorization', t.auth(partnerId)));
        expectOpaque(res, 403, 'person.consent-required');
        expect(JSON.stringify(res.body)).not.toMatch(/Priya|Private|HX1|c-private|calder/);
      });
    });

    it('a partner the consent covers sees the person', async () => {
      const { body } = await t.http().get('/people/p-private').set('authorization', works()).expect(200);
      expect(body.details).toMatchObject({ givenName: 'Priya', familyName: 'Private' });
    });

    it('once its consent is withdrawn a partner no longer sees the person', async () => {
      expectOpaque(await t.http().get('/people/p-shared').set('authorization', works()), 403, 'person.consent-required');
      await t.http().get('/people/p-shared').set('authorization', minds()).expect(200);
    });

    it('only the registering partner or the hub erases: not a partner the consent covers, nor an outsider', async () => {
      for (const partner of [works, minds]) {
        const res = await sendWritingNothing(t, () => t.http().delete('/people/p-private').set('authorization', partner()));
        expectOpaque(res, 403, 'person.only-registrar-or-manager-erases');
      }
    });

    it('the registering partner erases the person it registered', async () => {
      await t.http().post('/people').set('authorization', youth()).send({ personId: 'p-youth', givenName: 'Yas', familyName: 'Young', dateOfBirth: '2008-08-08' }).expect(201);
      await t.http().delete('/people/p-youth').set('authorization', money()).expect(403);
      await t.http().delete('/people/p-youth').set('authorization', youth()).expect(200);
    });

    it('the hub erases a person another partner registered', async () => {
      await t.http().post('/people').set('authorization', t.auth('carers-circle')).send({ personId: 'p-carer', givenName: 'Cara', familyName: 'Carer', dateOfBirth: '1960-06-06' }).expect(201);
      await t.http().delete('/people/p-carer').set('authorization', hub()).expect(200);
    });
  });

  describe('referrals', () => {
    const actions: [string, object | undefined][] = [
      ['route', { serviceId: 'debt-advice' }], ['accept', undefined], ['reject', { reason: { code: 'no-capacity' } }], ['start', undefined],
      ['hold', { reason: { code: 'no-capacity' } }], ['resume', undefined], ['complete', { outcome: { code: 'need-met' } }],
      ['fail', { reason: { code: 'could-not-contact' } }], ['cancel', { reason: { code: 'duplicate' } }], ['entered-in-error', { reason: { code: 'duplicate' } }],
      ['handoff', { serviceId: 'debt-advice', reason: 'debt first' }], ['interactions', { kind: 'advice', occurredOn: today() }],
    ];
    const leaks = /in-progress|accepted|calder|job-club|Priya|Private|warehouse|evening|p-private/;

    it.each([['GET /referrals/:id', '/referrals/r-private'], ['GET /referrals/:id/history', '/referrals/r-private/history']])(
      'an uninvolved partner: %s is a 403 that leaks nothing',
      async (_, url) => {
        const res = await t.http().get(url).set('authorization', money());
        expectOpaque(res, 403, 'referral.not-a-party');
        expect(JSON.stringify(res.body)).not.toMatch(leaks);
      },
    );

    it.each(actions)('an uninvolved partner: POST /referrals/:id/%s is a 403 that leaks nothing, and writes nothing', async (action, body) => {
      const res = await sendWritingNothing(t, () => t.http().post(`/referrals/r-private/${action}`).set('authorization', money()).send(body));
      expectOpaque(res, 403, 'referral.not-a-party');
      expect(JSON.stringify(res.body)).not.toMatch(leaks);
    });

    it("the same Idempotency-Key does not hand an outsider an involved partner's stored answer", async () => {
      const body = { kind: 'advice', occurredOn: today(), notes: 'Priya got an interview' };
      const first = await t.http().post('/referrals/r-private/interactions').set('authorization', works()).set('idempotency-key', 'note-1').send(body).expect(201);
      expect(JSON.stringify(first.body)).toMatch(/Priya/);
      const res = await sendWritingNothing(t, () => t.http().post('/referrals/r-private/interactions').set('authorization', money()).set('idempotency-key', 'note-1').send(body));
      expectOpaque(res, 403, 'referral.not-a-party');
      expect(res.headers['idempotent-replayed']).toBeUndefined();
    });

    it('the hub sees every referral, also between two other partners', async () => {
      const { body } = await t.http().get('/referrals/demo-referral-3').set('authorization', hub()).expect(200);
      expect(body).toMatchObject({ referringPartnerId: 'youth-forward', receivingPartnerId: 'hearth-housing' });
    });

    it('the receiving partner sees the person, the summary and the case notes', async () => {
      const { body } = await t.http().get('/referrals/r-by-works').set('authorization', minds()).expect(200);
      expect(body).toMatchObject({ person: { givenName: 'Sam', familyName: 'Shared' }, summary: 'Sam is isolated since the bereavement' });
      expect(body.interactions[0].notes).toBe('Sam spoke about the bereavement');
    });

    it('the referring partner, whose consent was withdrawn, sees the status but not the person', async () => {
      const { body } = await t.http().get('/referrals/r-by-works').set('authorization', works()).expect(200);
      expect(body).toMatchObject({ referralId: 'r-by-works', personId: 'p-shared', status: 'in-progress', referringPartnerId: 'calder-works', receivingPartnerId: 'valley-minds' });
      expect(body).not.toHaveProperty('person');
      expect(body).not.toHaveProperty('summary');
      expect(body.interactions).toEqual([expect.not.objectContaining({ notes: expect.anything() })]);
      expect(JSON.stringify(body)).not.toMatch(/Sam|Shared|bereavement/);
      const history = await t.http().get('/referrals/r-by-works/history').set('authorization', works()).expect(200);
      expect(JSON.stringify(history.body)).not.toMatch(/Sam|Shared|bereavement/);
    });

    it.each([
      ['the referrer (the hub) accepting', () => t.http().post('/referrals/demo-referral-2/accept').set('authorization', hub()), 'referral.only-receiver-acts'],
      ['the referrer (the hub) completing', () => t.http().post('/referrals/r-private/complete').set('authorization', hub()).send({ outcome: { code: 'need-met' } }), 'referral.only-receiver-acts'],
      ['the referrer (the hub) recording support', () => t.http().post('/referrals/r-private/interactions').set('authorization', hub()).send({ kind: 'advice', occurredOn: today() }), 'referral.only-receiver-acts'],
      ['the receiver routing', () => t.http().post('/referrals/demo-referral-2/route').set('authorization', money()).send({ serviceId: 'benefits-check' }), 'referral.only-referrer-routes'],
      ['the hub handing off work another partner received', () => t.http().post('/referrals/r-by-works/handoff').set('authorization', hub()).send({ serviceId: 'job-club', reason: 'work first' }), 'referral.only-receiver-hands-off'],
      ['the referrer handing off work it sent', () => t.http().post('/referrals/r-by-works/handoff').set('authorization', works()).send({ serviceId: 'job-club', reason: 'work first' }), 'referral.only-receiver-hands-off'],
      ['the hub putting on hold work another partner received', () => t.http().post('/referrals/r-by-works/hold').set('authorization', hub()).send({ reason: { code: 'no-capacity' } }), 'referral.only-receiver-acts'],
    ])('a party may not do what only the other party does: %s', async (_, send, rule) => {
      expectOpaque(await sendWritingNothing(t, send), 403, rule);
    });
  });

  describe('services', () => {
    it.each([
      ['PATCH /services/:id', () => t.http().patch('/services/debt-advice').send({ name: 'Ours now' })],
      ['PUT /services/:id/capacity', () => t.http().put('/services/debt-advice/capacity').send({ available: 0, maximum: 30, unit: 'appointments-per-week' })],
      ['POST /services/:id/withdraw', () => t.http().post('/services/debt-advice/withdraw').send({})],
    ])("another partner, even the hub, cannot change a partner's service: %s", async (_, send) => {
      for (const partner of [works, hub]) {
        const res = await sendWritingNothing(t, () => send().set('authorization', partner()));
        expectOpaque(res, 403, 'service.only-owner-changes');
      }
    });
  });

  describe('dev tokens', () => {
    it('in dev mode POST /auth/dev-token issues a token that acts as that partner', async () => {
      const { body } = await t.http().post('/auth/dev-token').send({ partnerId: 'calder-hub', staffId: 'staff-ana' }).expect(201);
      expect(body).toMatchObject({ partnerId: 'calder-hub', staffId: 'staff-ana', expiresIn: '12h', token: expect.any(String) });
      const whoami = await t.http().get('/auth/whoami').set('authorization', `Bearer ${body.token}`).expect(200);
      expect(whoami.body).toEqual({ staffId: 'staff-ana', partnerId: 'calder-hub', managesConsortium: true });
    });

    it('a dev token for a partner outside the consortium is issued but opens nothing', async () => {
      const { body } = await t.http().post('/auth/dev-token').send({ partnerId: 'stranger' }).expect(201);
      expectOpaque(await t.http().get('/consortium').set('authorization', `Bearer ${body.token}`), 403, 'auth.partner-not-member');
    });

    it('in token mode the dev token route does not exist', async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'onedoor-token-mode-'));
      const app = await createOnedoorApp(loadConfig({ DATA_DIR: dataDir, AUTH_MODE: 'token', AUTH_SECRET: 'a-token-mode-secret-of-at-least-32-characters', LOG_LEVEL: 'warn', SEED_DEMO: 'false' }));
      try {
        await app.getHttpAdapter().getInstance().ready();
        await request(app.getHttpServer()).post('/auth/dev-token').send({ partnerId: 'calder-hub' }).expect(404);
      } finally {
        await app.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  });
});
