import { OnedoorTestApp, startTestApp } from './support/onedoor-test-app';
import { HealthRegistry } from '@onedoor/platform';

/** The log is the truth: after a restart every read model is rebuilt from it and answers the same. */
describe('restarting the all-in-one app', () => {
  let t: OnedoorTestApp;
  afterAll(() => t.close());

  it('keeps every referral, person and worklist exactly as before', async () => {
    t = await startTestApp({ seedDemo: true });
    const hub = t.auth('calder-hub');
    const reads = ['/consortium', '/services', '/referrals/demo-referral-1', '/referrals/demo-referral-1/history', '/people/demo-person-1', '/people/demo-person-1/timeline'];
    const before = await Promise.all(reads.map((path) => t.http().get(path).set('authorization', hub).expect(200)));
    const worklistBefore = await t.http().get('/partners/calder-works/worklist').set('authorization', t.auth('calder-works')).expect(200);
    const head = await t.head();

    await t.close({ keepData: true });
    t = await startTestApp({ dataDir: t.dataDir, seedDemo: true });
    expect(await t.head()).toBe(head); // the demo is seeded only into an empty directory

    const after = await Promise.all(reads.map((path) => t.http().get(path).set('authorization', t.auth('calder-hub')).expect(200)));
    after.forEach((res, i) => expect(res.body).toEqual(before[i].body));
    const worklistAfter = await t.http().get('/partners/calder-works/worklist').set('authorization', t.auth('calder-works')).expect(200);
    expect({ ...worklistAfter.body, asOf: undefined }).toEqual({ ...worklistBefore.body, asOf: undefined });
  });

  it('reports health with the read models and every background part caught up', async () => {
    const { body } = await t.http().get('/health').expect(200);
    expect(body).toMatchObject({
      status: 'ok',
      readModels: { status: 'running', lag: 0 },
      components: { outcomes: { status: 'ok', critical: true, lag: 0 }, 'partner-feed': { status: 'ok', critical: true, lag: 0 } },
    });
    expect(body.eventStore.headPosition).toBeGreaterThan(40);
  });

  it('answers 503 naming a critical part that stopped, and only shows one that is not critical', async () => {
    const registry = t.app.get(HealthRegistry);
    registry.register('test-optional-part', () => ({ status: 'degraded', detail: 'away' }), { critical: false });
    expect((await t.http().get('/health').expect(200)).body.components['test-optional-part']).toEqual({ status: 'degraded', detail: 'away', critical: false });
    registry.register('test-critical-part', () => ({ status: 'degraded', position: 3, detail: 'stopped on a bad event' }));
    const res = await t.http().get('/health').expect(503);
    expect(res.body.message).toBe('not running: test-critical-part');
    expect(res.body.details.components['test-critical-part']).toMatchObject({ status: 'degraded', critical: true, detail: 'stopped on a bad event' });
    registry.register('test-critical-part', () => ({ status: 'ok' }));
    await t.http().get('/health').expect(200);
  });

  it('serves its OpenAPI description', async () => {
    const { body } = await t.http().get('/docs-json').expect(200);
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/referrals', '/referrals/{referralId}/accept', '/people/{personId}/timeline', '/partners/{partnerId}/worklist']));
    await t.http().get('/docs').expect((res) => expect([200, 301, 302]).toContain(res.status));
  });
});
