import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '@onedoor/event-store';
import { HealthRegistry } from '@onedoor/platform';
import { ProjectionRunner } from '@onedoor/projections';
import { LiveOutcomes } from '../apps/insights/src/outcomes/live-outcomes';
import { OnedoorTestApp, startTestApp } from './support/onedoor-test-app';

/** How each runner of the process started: restored from its checkpoint, or rebuilt and why. */
const startsOf = (t: OnedoorTestApp) => ({ platform: t.app.get(ProjectionRunner).lastResume, outcomes: t.app.get(LiveOutcomes).started });

/**
 * The log is the truth: after a restart every read model answers the same, restored from its checkpoint
 * (read-models.sqlite) and caught up with what it missed, or rebuilt from the whole log when the checkpoint does not fit.
 */
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
    expect(existsSync(join(t.dataDir, 'read-models.sqlite'))).toBe(true);
    t = await startTestApp({ dataDir: t.dataDir, seedDemo: true });
    expect(await t.head()).toBe(head); // the demo is seeded only into an empty directory
    // Saved at the clean shutdown, so nothing was read again.
    expect(startsOf(t)).toEqual({ platform: { restored: true, from: head, read: 0 }, outcomes: { restored: true, from: head, read: 0 } });

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

  it('reads only the events appended while it was stopped, and a person erased before the stop stays erased', async () => {
    const hub = t.auth('calder-hub');
    const person = await t.http().post('/people').set('authorization', hub).send({ givenName: 'Ottoline', familyName: 'Fairweather', dateOfBirth: '1971-07-07' }).expect(201);
    const personId: string = person.body.personId;
    const found = await t.http().get('/people').query({ search: 'ottoline fair' }).set('authorization', hub).expect(200);
    expect(JSON.stringify(found.body)).toContain(personId);
    await t.http().delete(`/people/${personId}`).set('authorization', hub).expect(200);
    const head = await t.head();
    await t.close({ keepData: true });

    // While it is stopped, another writer (a migration, a second process) appends one event to the log.
    const log = new SqliteEventStore({ file: join(t.dataDir, 'events.sqlite'), writer: 'inline' });
    const stream = 'service-job-club';
    const { length } = await log.readStream(stream);
    const capacity = { available: 1, maximum: 12, unit: 'places' };
    await log.append(stream, [{ id: randomUUID(), type: 'ServiceCapacityUpdated', schemaVersion: 1, data: { serviceId: 'job-club', updatedAt: '2026-12-01T09:00:00.000Z', capacity } }], length);
    await log.close();

    t = await startTestApp({ dataDir: t.dataDir });
    expect(startsOf(t)).toEqual({ platform: { restored: true, from: head, read: 1 }, outcomes: { restored: true, from: head, read: 1 } });
    const service = await t.http().get('/services/job-club').set('authorization', t.auth('calder-hub')).expect(200);
    expect(service.body.capacity).toMatchObject(capacity);
    const erased = await t.http().get(`/people/${personId}`).set('authorization', t.auth('calder-hub')).expect(200);
    expect(erased.body).toMatchObject({ personId, erased: true, details: '[erased]' });
    const search = await t.http().get('/people').query({ search: 'ottoline fair' }).set('authorization', t.auth('calder-hub')).expect(200);
    expect(JSON.stringify(search.body)).not.toContain(personId);
    const duplicates = await t.http().get('/people/duplicates').query({ givenName: 'Ottoline', familyName: 'Fairweather', dateOfBirth: '1971-07-07' }).set('authorization', t.auth('calder-hub')).expect(200);
    expect(duplicates.body.possibleDuplicateIds).toEqual([]);
  });

  it("does not use another data directory's checkpoint: the event at its position is not this log's, so it rebuilds", async () => {
    const other = await startTestApp({ seedDemo: true });
    const otherHead = await other.head();
    await other.close({ keepData: true });
    const ours = await t.head();
    await t.close({ keepData: true });
    copyFileSync(join(other.dataDir, 'read-models.sqlite'), join(t.dataDir, 'read-models.sqlite'));
    await other.close();

    t = await startTestApp({ dataDir: t.dataDir });
    const { platform } = startsOf(t);
    expect(platform).toMatchObject({ restored: false, from: 0, read: ours });
    expect(otherHead).toBeLessThan(ours); // so only the event id tells the logs apart
    expect(platform?.rebuildBecause).toBe(`the event at position ${otherHead} is not the one the checkpoint was taken after`);
    const service = await t.http().get('/services/job-club').set('authorization', t.auth('calder-hub')).expect(200);
    expect(service.body.capacity).toMatchObject({ available: 1, maximum: 12 });
  });

  it('with READ_MODEL_CHECKPOINTS=false, replays the whole log at every start', async () => {
    const head = await t.head();
    await t.close({ keepData: true });
    t = await startTestApp({ dataDir: t.dataDir, env: { READ_MODEL_CHECKPOINTS: 'false' } });
    expect(startsOf(t)).toEqual({
      platform: { restored: false, from: 0, read: head, rebuildBecause: 'checkpoints are off' },
      outcomes: { restored: false, from: 0, read: head, rebuildBecause: 'checkpoints are off' },
    });
  });
});
