import { Scenario, jobs, seedConsortium } from '../testing/scenario';
import { DirectoryProjection } from './directory-projection';
import { InMemoryDirectoryReadModel } from './in-memory-directory-read-model';

const at = '2026-03-01T09:00:00.000Z';

/** Search keeps name order while services are renamed, withdrawn and listed between searches (ranks are kept, not re-sorted each time). */
describe('directory search order under live changes', () => {
  const listing = (serviceId: string, name: string) => ({
    type: 'ListService' as const, serviceId, name, description: 'Advice drop-in', needs: ['debt'], localities: ['HX1'], communities: [] as string[],
    eligibility: {}, capacity: { available: 1, maximum: 5, unit: 'places' as const }, partnerIsMember: true, actor: jobs, at,
  });

  it('orders by the names as they stand after each change', async () => {
    const s = new Scenario();
    await seedConsortium(s, at);
    for (const [id, name] of [['svc-a', 'Apple advice'], ['svc-b', 'Birch advice'], ['svc-c', 'Cedar advice']]) await s.service(id, listing(id, name));
    const directory = new InMemoryDirectoryReadModel();
    const projection = new DirectoryProjection(directory);
    let position = 0;
    const catchUp = async () => {
      for (const event of await s.store.readAll(position, 1000)) {
        projection.apply(event);
        position = event.position;
      }
    };
    const names = async () => (await directory.search({ need: 'debt', offset: 0, limit: 10 })).hits.map((h) => h.service.name);

    await catchUp();
    expect(await names()).toEqual(['Apple advice', 'Birch advice', 'Cedar advice']);

    await s.service('svc-a', { type: 'UpdateService', changes: { name: 'Zinc advice' }, actor: jobs, at });
    await catchUp();
    expect(await names()).toEqual(['Birch advice', 'Cedar advice', 'Zinc advice']);

    await s.service('svc-b', { type: 'UpdateService', changes: { description: 'Money advice clinic' }, actor: jobs, at });
    await s.service('svc-c', { type: 'WithdrawService', reason: 'funding ended', actor: jobs, at });
    await catchUp();
    expect(await names()).toEqual(['Birch advice', 'Zinc advice']);

    await s.service('svc-d', listing('svc-d', 'Aspen advice'));
    await catchUp();
    expect(await names()).toEqual(['Aspen advice', 'Birch advice', 'Zinc advice']);
  });
});
