import { ProjectionRunner } from '../projection-runner';
import { directoryContentsOf } from '../testing/directory-contents';
import { Scenario, amira, debt, front, hub, jobs, seedConsortium, target } from '../testing/scenario';
import { DirectoryProjection } from './directory-projection';
import { InMemoryDirectoryReadModel } from './in-memory-directory-read-model';

const day = (d: number) => `2026-04-${String(d).padStart(2, '0')}T09:00:00.000Z`;

/** A month of directory changes, with people and referrals in between (which the directory ignores). */
async function busyMonth(s: Scenario, from = 1): Promise<void> {
  await s.service(`svc-${from}`, {
    type: 'ListService', serviceId: `svc-${from}`, name: `Drop-in ${from}`, description: 'Advice drop-in', needs: ['housing', 'debt'],
    localities: ['HX1', 'Todmorden', 'OL14'], communities: ['carers'], eligibility: { minimumAge: 18 },
    capacity: { available: 4, maximum: 8, unit: 'appointments-per-week' }, partnerIsMember: true, actor: jobs, at: day(from),
  });
  await s.register(`p-${from}`, amira, front, day(from));
  await s.referral(`r-${from}`, {
    type: 'CreateReferral', referralId: `r-${from}`, personId: `p-${from}`, person: await s.facts(`p-${from}`), needs: ['employment'], urgency: 'routine',
    summary: await s.vault.seal(`p-${from}`, 'about'), routing: { target: target('jobs', 'svc-jobs') }, actor: front, at: day(from),
  });
  await s.service('svc-jobs', { type: 'UpdateServiceCapacity', capacity: { available: from, maximum: 10, unit: 'places' }, actor: jobs, at: day(from + 1) });
  await s.service(`svc-${from}`, { type: 'UpdateService', changes: { localities: ['HD6', 'Brighouse'], needs: ['housing', 'veterans-support'] }, actor: jobs, at: day(from + 1) });
}


const freshDirectory = () => new DirectoryProjection(new InMemoryDirectoryReadModel());

async function runFrom(s: Scenario, projection: DirectoryProjection, position: number): Promise<void> {
  const runner = new ProjectionRunner(s.store, [projection]);
  runner.start(position);
  await runner.waitFor(await s.store.headPosition());
  await runner.stop();
}

describe('rebuilding the directory from the log', () => {
  it('gives the identical directory every time, ids included, and after dropping it', async () => {
    const s = new Scenario();
    await seedConsortium(s);
    await busyMonth(s);
    await s.service('svc-debt', { type: 'WithdrawService', actor: debt, at: day(5) });
    await s.consortium({ type: 'RemovePartner', partnerId: 'jobs', successorPartnerId: 'front', openReferralIds: ['r-1'], actor: hub, at: day(6) });

    const [first] = await s.project(freshDirectory());
    const [second] = await s.project(freshDirectory());
    const expected = await directoryContentsOf(first.readModel);
    expect(await directoryContentsOf(second.readModel)).toEqual(expected);
    expect(expected.checkpoint).toBe(await s.store.headPosition());
    expect(expected.services.map((x) => [x.serviceId, x.status])).toEqual([['svc-debt', 'inactive'], ['svc-1', 'inactive'], ['svc-jobs', 'inactive']]);
    expect(expected.locations.map((l) => l.postcodeDistrict)).toEqual(['HD6', 'HX1', 'OL14']);

    // Drop it: the read model is empty, and a rebuild of the same instances from zero brings back the same.
    first.reset();
    expect(await directoryContentsOf(first.readModel)).toMatchObject({ checkpoint: 0, consortium: undefined, services: [], organizations: [], locations: [], terms: [] });
    await runFrom(s, first, 0);
    expect(await directoryContentsOf(first.readModel)).toEqual(expected);
  });

  it('resumes from its checkpoint to the same directory a full rebuild gives', async () => {
    const s = new Scenario();
    await seedConsortium(s);
    await busyMonth(s, 1);
    const resumed = freshDirectory();
    await runFrom(s, resumed, 0);

    await busyMonth(s, 10);
    await runFrom(s, resumed, await resumed.readModel.checkpoint());

    const [rebuilt] = await s.project(freshDirectory());
    expect(await directoryContentsOf(resumed.readModel)).toEqual(await directoryContentsOf(rebuilt.readModel));
    expect((await resumed.readModel.services()).map((x) => x.serviceId)).toEqual(['svc-debt', 'svc-1', 'svc-10', 'svc-jobs']);
  });
});
