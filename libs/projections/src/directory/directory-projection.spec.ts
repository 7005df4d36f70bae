import { Scenario, hub, jobs, seedConsortium } from '../testing/scenario';
import { DirectoryProjection } from './directory-projection';
import { HsdsIds } from './hsds-id';
import { InMemoryDirectoryReadModel } from './in-memory-directory-read-model';

const at = '2026-03-01T09:00:00.000Z';
const later = '2026-03-05T09:00:00.000Z';
const ids = new HsdsIds('c1');

async function seeded(): Promise<Scenario> {
  const s = new Scenario();
  await seedConsortium(s, at);
  await s.service('svc-club', {
    type: 'ListService', serviceId: 'svc-club', name: 'Youth Job Club', description: 'Job search for young people',
    needs: ['employment', 'food-bank', 'employment'], localities: ['Halifax', 'HX1', 'ol14'], communities: ['young-people'],
    eligibility: { minimumAge: 16, maximumAge: 24, description: 'Young people in Calderdale' },
    capacity: { available: 3, maximum: 12, unit: 'sessions-per-month' }, partnerIsMember: true, actor: jobs, at,
  });
  return s;
}

async function directoryOf(s: Scenario) {
  const [projection] = await s.project(new DirectoryProjection(new InMemoryDirectoryReadModel()));
  return projection.readModel;
}

describe('directory projection', () => {
  it('publishes partners as organizations, under UUIDs derived from the consortium and our ids', async () => {
    const s = await seeded();
    const directory = await directoryOf(s);
    expect(await directory.consortium()).toEqual({ consortiumId: 'c1', name: 'Calder Valley Wellbeing', idNamespace: ids.namespace });
    expect((await directory.organizations()).map((o) => o.name)).toEqual(['Calder Hub', 'Debt Advice Calder', 'Front Door Trust', 'Jobs Together']);
    expect(await directory.organization(ids.organization('jobs'))).toEqual({
      id: ids.organization('jobs'), partnerId: 'jobs', name: 'Jobs Together', role: 'delivery', member: true, joinedAt: at, lastModified: at,
    });
    expect(await directory.organization('jobs')).toBeUndefined();
  });

  it('publishes a service with its capacity, needs and communities as terms, localities as areas, and postcode districts as locations', async () => {
    const s = await seeded();
    const directory = await directoryOf(s);
    const club = await directory.service(ids.service('svc-club'));
    expect(club).toEqual({
      id: ids.service('svc-club'), serviceId: 'svc-club', partnerId: 'jobs', organizationId: ids.organization('jobs'),
      name: 'Youth Job Club', description: 'Job search for young people', needs: ['employment', 'food-bank', 'employment'],
      localities: ['Halifax', 'HX1', 'ol14'], communities: ['young-people'],
      eligibility: { minimumAge: 16, maximumAge: 24, description: 'Young people in Calderdale' }, status: 'active',
      capacity: { id: ids.serviceCapacity('svc-club'), unitId: ids.capacityUnit('sessions-per-month'), available: 3, maximum: 12, unit: 'sessions-per-month', updatedAt: at, waitlist: 'open' },
      terms: [
        { id: ids.attribute('svc-club', 'needs', 'employment'), taxonomy: 'needs', code: 'employment', termId: ids.taxonomyTerm('needs', 'employment') },
        { id: ids.attribute('svc-club', 'needs', 'food-bank'), taxonomy: 'needs', code: 'food-bank', termId: ids.taxonomyTerm('needs', 'food-bank') },
        { id: ids.attribute('svc-club', 'communities', 'young-people'), taxonomy: 'communities', code: 'young-people', termId: ids.taxonomyTerm('communities', 'young-people') },
      ],
      serviceAreas: [
        { id: ids.serviceArea('svc-club', 'Halifax'), name: 'Halifax' },
        { id: ids.serviceArea('svc-club', 'HX1'), name: 'HX1', postcodeDistrict: 'HX1' },
        { id: ids.serviceArea('svc-club', 'ol14'), name: 'ol14', postcodeDistrict: 'OL14' },
      ],
      serviceAtLocations: [
        { id: ids.serviceAtLocation('svc-club', 'HX1'), locationId: ids.location('HX1') },
        { id: ids.serviceAtLocation('svc-club', 'OL14'), locationId: ids.location('OL14') },
      ],
      listedAt: at, lastModified: at,
    });
    expect((await directory.services()).map((x) => x.serviceId)).toEqual(['svc-debt', 'svc-jobs', 'svc-club']);

    expect(await directory.locations()).toEqual([
      { id: ids.location('HX1'), postcodeDistrict: 'HX1', latitude: expect.any(Number), longitude: expect.any(Number) },
      { id: ids.location('OL14'), postcodeDistrict: 'OL14', latitude: expect.any(Number), longitude: expect.any(Number) },
    ]);
    const atHx1 = await directory.serviceAtLocation(ids.serviceAtLocation('svc-club', 'HX1'));
    expect(atHx1).toMatchObject({ id: ids.serviceAtLocation('svc-club', 'HX1'), service: { serviceId: 'svc-club' }, location: { postcodeDistrict: 'HX1' } });
    expect(await directory.serviceAtLocation(ids.service('svc-club'))).toBeUndefined();
  });

  it('names taxonomy terms, known ones from a list and others from their code', async () => {
    const s = await seeded();
    const directory = await directoryOf(s);
    expect((await directory.taxonomies()).map((t) => [t.key, t.name])).toEqual([['communities', 'OneDoor Communities'], ['needs', 'OneDoor Needs']]);
    expect((await directory.taxonomyTerms()).map((t) => [t.taxonomy, t.code, t.name])).toEqual([
      ['communities', 'carers', 'Carers'],
      ['communities', 'young-people', 'Young People'],
      ['needs', 'debt-advice', 'Debt Advice'],
      ['needs', 'employment', 'Employment'],
      ['needs', 'food-bank', 'Food Bank'],
    ]);
    expect(await directory.taxonomyTerm(ids.taxonomyTerm('needs', 'food-bank'))).toEqual({
      id: ids.taxonomyTerm('needs', 'food-bank'), taxonomyId: ids.taxonomy('needs'), taxonomy: 'needs', code: 'food-bank', name: 'Food Bank',
      description: 'Services that meet this need: Food Bank.',
    });
  });

  it('merges updates as the domain does, dates capacity changes, and shows a withdrawn service as inactive', async () => {
    const s = await seeded();
    await s.service('svc-club', { type: 'UpdateService', changes: { eligibility: { maximumAge: 25 }, localities: ['Halifax'] }, actor: jobs, at: later });
    await s.service('svc-jobs', { type: 'UpdateServiceCapacity', capacity: { available: 0, maximum: 10, unit: 'places' }, actor: jobs, at: later });
    await s.service('svc-debt', { type: 'WithdrawService', reason: 'funding ended', actor: { staffId: 's', partnerId: 'debt', managesConsortium: false }, at: later });
    const directory = await directoryOf(s);
    const club = (await directory.service(ids.service('svc-club')))!;
    expect(club).toMatchObject({ eligibility: { minimumAge: 16, maximumAge: 25, description: 'Young people in Calderdale' }, serviceAtLocations: [], lastModified: later });
    expect(club.capacity.updatedAt).toBe(at);
    // The location stays in the directory, but nothing is offered there any more.
    expect(await directory.serviceAtLocation(ids.serviceAtLocation('svc-club', 'HX1'))).toBeUndefined();
    expect(await directory.service(ids.service('svc-jobs'))).toMatchObject({ capacity: { available: 0, maximum: 10, updatedAt: later }, lastModified: later, status: 'active' });
    expect(await directory.service(ids.service('svc-debt'))).toMatchObject({ status: 'inactive', inactiveBecause: 'withdrawn', withdrawnAt: later, lastModified: later });
  });

  it("keeps a partner that leaves as a former member, its services inactive until it rejoins", async () => {
    const s = await seeded();
    await s.consortium({ type: 'RemovePartner', partnerId: 'jobs', openReferralIds: [], actor: hub, at: later });
    const left = await directoryOf(s);
    expect(await left.organization(ids.organization('jobs'))).toMatchObject({ member: false, leftAt: later, lastModified: later });
    expect(await left.service(ids.service('svc-jobs'))).toMatchObject({ status: 'inactive', inactiveBecause: 'partner-left', lastModified: later });
    expect(await left.service(ids.service('svc-debt'))).toMatchObject({ status: 'active', lastModified: at });

    const back = '2026-04-01T09:00:00.000Z';
    await s.consortium({ type: 'AdmitPartner', partnerId: 'jobs', name: 'Jobs Together', role: 'delivery', actor: hub, at: back });
    const rejoined = await directoryOf(s);
    expect(await rejoined.organization(ids.organization('jobs'))).toEqual({
      id: ids.organization('jobs'), partnerId: 'jobs', name: 'Jobs Together', role: 'delivery', member: true, joinedAt: back, lastModified: back,
    });
    const service = await rejoined.service(ids.service('svc-jobs'));
    expect(service).toMatchObject({ status: 'active', lastModified: back });
    expect(service).not.toHaveProperty('inactiveBecause');
  });

  it('checkpoints every event it has seen, its own or not', async () => {
    const s = await seeded();
    await s.register('p1', { givenName: 'A', familyName: 'B', dateOfBirth: '1990-01-01' }, jobs, at);
    const directory = await directoryOf(s);
    expect(await directory.checkpoint()).toBe(await s.store.headPosition());
  });
});
