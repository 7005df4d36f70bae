import type { ListService } from '@onedoor/domain';
import { UNUSED_DIRECTORY_SHARE } from '@onedoor/domain/testing/unused-directory-share';
import { directoryContentsOf } from '../testing/directory-contents';
import { Scenario, debt, hub, jobs, seedConsortium } from '../testing/scenario';
import { DirectoryProjection } from './directory-projection';
import { DirectoryReadModel } from './directory-read-model';
import { DirectorySearch, searchWordsOf } from './directory-search';
import { HsdsIds } from './hsds-id';
import { InMemoryDirectoryReadModel } from './in-memory-directory-read-model';
import { districtCentroid } from './uk-postcode';

/**
 * What every directory read model must do, run against each store (in-process and Redis): answer every
 * read exactly as the reference in-process store does after the same events, and search by its indexes.
 * A store under test is handed in fresh and disposed of after each test.
 */
export interface StoreUnderTest {
  readModel: DirectoryReadModel;
  dispose(): Promise<void>;
}

const at = '2026-03-01T09:00:00.000Z';
const later = '2026-03-09T09:00:00.000Z';
const ids = new HsdsIds('c1');
const HX1 = districtCentroid('HX1')!;

const listing = (serviceId: string, fields: Partial<ListService>): ListService => ({
  type: 'ListService', serviceId, name: serviceId, description: '', needs: ['employment'], localities: [], communities: [], eligibility: {},
  capacity: { available: 5, maximum: 10, unit: 'places' }, partnerIsMember: true, directoryShare: UNUSED_DIRECTORY_SHARE, actor: jobs, at, ...fields,
});

/** The seeded consortium plus services spread over Calderdale and beyond. */
async function valley(): Promise<Scenario> {
  const s = new Scenario();
  await seedConsortium(s, at);
  await s.service('svc-hx1', listing('svc-hx1', { name: 'Halifax Job Shop', description: 'CV writing and interview practice', localities: ['HX1'], eligibility: { minimumAge: 18 } }));
  await s.service('svc-hebden', listing('svc-hebden', { name: 'Hebden Employment Café', needs: ['employment', 'social-isolation'], localities: ['HX7', 'Hebden Bridge'], communities: ['young-people'], eligibility: { minimumAge: 16, maximumAge: 24 } }));
  await s.service('svc-leeds', listing('svc-leeds', { name: 'Leeds Work Club', localities: ['LS1'], capacity: { available: 0, maximum: 8, unit: 'places' } }));
  await s.service('svc-tod', listing('svc-tod', { name: 'Todmorden Money Help', needs: ['debt-advice'], localities: ['OL14'], communities: ['carers'], actor: debt }));
  return s;
}

async function project(s: Scenario, readModel: DirectoryReadModel): Promise<DirectoryReadModel> {
  await s.project(new DirectoryProjection(readModel));
  return readModel;
}


/** `sharedByInstances`: the store outlives a process and serves several (Redis), so a rebuild keeps what it holds. */
export function directoryReadModelContract(storeName: string, fresh: () => Promise<StoreUnderTest>, { sharedByInstances = false } = {}): void {
  describe(`directory read model contract: ${storeName}`, () => {
    let store: StoreUnderTest;
    let directory: DirectoryReadModel;
    const find = async (search: Partial<DirectorySearch>) => {
      const result = await directory.search({ offset: 0, limit: 100, ...search });
      return { total: result.total, names: result.hits.map((h) => h.service.name) };
    };

    beforeEach(async () => {
      store = await fresh();
      directory = store.readModel;
    });
    afterEach(() => store.dispose());

    it('answers every read exactly as the reference in-process store does, after the same events', async () => {
      const s = await valley();
      await s.service('svc-hx1', { type: 'UpdateService', changes: { localities: ['HX1', 'HX3'] }, actor: jobs, at: later });
      await s.service('svc-tod', { type: 'WithdrawService', actor: debt, at: later });
      await s.consortium({ type: 'RemovePartner', partnerId: 'front', openReferralIds: [], actor: hub, at: later });
      const expected = await directoryContentsOf(await project(s, new InMemoryDirectoryReadModel()));
      expect(await directoryContentsOf(await project(s, directory))).toEqual(expected);
      expect(expected.services).toHaveLength(6);
    });

    it(sharedByInstances ? 'keeps everything on clear (other instances serve it), and a rebuild brings the same back' : 'forgets everything on clear, and a rebuild brings the same back', async () => {
      const s = await valley();
      const projection = new DirectoryProjection(directory);
      await s.project(projection);
      const before = await directoryContentsOf(directory);
      projection.reset();
      if (sharedByInstances) {
        expect(await directoryContentsOf(directory)).toEqual(before);
      } else {
        expect(await directoryContentsOf(directory)).toMatchObject({ checkpoint: 0, consortium: undefined, services: [], organizations: [], locations: [] });
        expect(await find({})).toEqual({ total: 0, names: [] });
      }
      await s.project(projection);
      expect(await directoryContentsOf(directory)).toEqual(before);
    });

    it('finds active services by need and by community, by name when not measuring', async () => {
      await project(await valley(), directory);
      expect(await find({ need: 'employment' })).toEqual({ total: 4, names: ['Halifax Job Shop', 'Hebden Employment Café', 'Into Work', 'Leeds Work Club'] });
      expect(await find({ need: 'employment', community: 'young-people' })).toEqual({ total: 1, names: ['Hebden Employment Café'] });
      expect(await find({ community: 'carers' })).toEqual({ total: 2, names: ['Débt Clinic', 'Todmorden Money Help'] });
      expect(await find({ need: 'no-such-need' })).toEqual({ total: 0, names: [] });
      expect((await find({})).total).toBe(6);
    });

    it('finds words anywhere in the text, each word the start of a word there, accents and case ignored', async () => {
      await project(await valley(), directory);
      expect((await find({ words: searchWordsOf('interview') })).names).toEqual(['Halifax Job Shop']);
      expect((await find({ words: searchWordsOf('EMPLOY') })).names).toEqual(['Hebden Employment Café', 'Into Work', 'Leeds Work Club', 'Halifax Job Shop'].sort());
      expect((await find({ words: searchWordsOf('cafe hebden') })).names).toEqual(['Hebden Employment Café']);
      // The partner's name, need names and localities are searched too.
      expect((await find({ words: searchWordsOf('jobs together leeds') })).names).toEqual(['Leeds Work Club']);
      expect((await find({ words: searchWordsOf('social isolation') })).names).toEqual(['Hebden Employment Café']);
      expect((await find({ words: searchWordsOf('debt clinic') })).names).toEqual(['Débt Clinic']);
      expect((await find({ words: searchWordsOf('ployment') })).names).toEqual([]);
      expect((await find({ words: searchWordsOf('zzz') })).names).toEqual([]);
    });

    it('filters by age eligibility and capacity', async () => {
      await project(await valley(), directory);
      expect((await find({ need: 'employment', age: 16 })).names).toEqual(['Hebden Employment Café', 'Leeds Work Club']);
      expect((await find({ need: 'employment', age: 30 })).names).toEqual(['Halifax Job Shop', 'Into Work', 'Leeds Work Club']);
      expect((await find({ need: 'employment', hasCapacity: false })).names).toEqual(['Leeds Work Club']);
      expect((await find({ need: 'employment', hasCapacity: true })).total).toBe(3);
    });

    it('measures from a place: nearest first, unmeasurable ones last, and within a distance only those known to be', async () => {
      await project(await valley(), directory);
      const near = await directory.search({ need: 'employment', near: { from: HX1 }, offset: 0, limit: 10 });
      expect(near.hits.map((h) => [h.service.name, h.nearestDistrict])).toEqual([
        ['Halifax Job Shop', 'HX1'], ['Hebden Employment Café', 'HX7'], ['Leeds Work Club', 'LS1'], ['Into Work', undefined],
      ]);
      expect(near.hits[0].distanceMetres).toBe(0);
      expect(near.hits[1].distanceMetres! / 1000).toBeCloseTo(10.2, 0);
      expect(near.hits[3]).not.toHaveProperty('distanceMetres');
      expect((await find({ near: { from: HX1, withinMetres: 15_000 } })).names).toEqual(['Halifax Job Shop', 'Hebden Employment Café']);
    });

    it('pages after ordering, and counts every match', async () => {
      await project(await valley(), directory);
      const second = await directory.search({ need: 'employment', offset: 2, limit: 2 });
      expect({ total: second.total, names: second.hits.map((h) => h.service.name) }).toEqual({ total: 4, names: ['Into Work', 'Leeds Work Club'] });
      expect((await directory.search({ need: 'employment', offset: 4, limit: 2 })).hits).toEqual([]);
    });

    it('keeps the indexes current: updates, capacity, withdrawal and a partner leaving and rejoining', async () => {
      const s = await valley();
      await s.service('svc-hx1', { type: 'UpdateService', changes: { needs: ['housing'], name: 'Halifax Housing Shop' }, actor: jobs, at: later });
      await s.service('svc-leeds', { type: 'UpdateServiceCapacity', capacity: { available: 2, maximum: 8, unit: 'places' }, actor: jobs, at: later });
      await s.service('svc-tod', { type: 'WithdrawService', actor: debt, at: later });
      await s.consortium({ type: 'RemovePartner', partnerId: 'jobs', successorPartnerId: 'front', openReferralIds: [], actor: hub, at: later });
      await project(s, directory);
      expect(await find({ need: 'employment' })).toEqual({ total: 0, names: [] });
      expect((await find({})).names).toEqual(['Débt Clinic']);
      await s.consortium({ type: 'AdmitPartner', partnerId: 'jobs', name: 'Jobs Together', role: 'delivery', actor: hub, at: later });
      await project(s, directory);
      expect((await find({ need: 'employment', hasCapacity: false })).names).toEqual([]);
      expect((await find({ need: 'housing' })).names).toEqual(['Halifax Housing Shop']);
      expect((await find({ words: ['shop'] })).names).toEqual(['Halifax Housing Shop']);
      expect((await find({ words: ['money'] })).names).toEqual([]);
      expect(await directory.service(ids.service('svc-tod'))).toMatchObject({ status: 'inactive' });
    });
  });
}
