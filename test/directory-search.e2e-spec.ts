import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { OnedoorTestApp, startTestApp } from './support/onedoor-test-app';
import { expectBadInput } from './support/refusals';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** In Redis the keys carry the consortium id: a unique one per run keeps parallel suites apart, and is cleaned up after. */
const redisConsortium = `test-${randomUUID().slice(0, 8)}`;
const STORES: [string, Record<string, string>][] = [
  ['in-process read model', {}],
  ['Redis read model', { READ_MODEL_STORE: 'redis', REDIS_URL, CONSORTIUM_ID: redisConsortium }],
];

afterAll(async () => {
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`onedoor:${redisConsortium}:*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
});

/** Staff search over the demo consortium's directory: each filter, their combination, paging and refusals, over both stores. */
describe.each(STORES)('staff directory search (%s)', (_store, env) => {
  let t: OnedoorTestApp;
  let HUB: string;
  const search = (query: string) => t.http().get(`/directory/search${query}`).set('authorization', HUB);
  const ok = async (query: string) => {
    const res = await search(query);
    expect({ query, status: res.status }).toEqual({ query, status: 200 });
    return res.body;
  };
  const ids = (body: { results: { serviceId: string }[] }) => body.results.map((r) => r.serviceId);

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true, env });
    HUB = t.auth('calder-hub');
  });
  afterAll(() => t.close());

  it('needs a staff token', async () => {
    expect((await t.http().get('/directory/search')).status).toBe(401);
  });

  it('finds services by need, by name, with capacity and waitlist status', async () => {
    const body = await ok('?need=employment');
    expect(body).toMatchObject({ total: 4, page: 1, per_page: 20, total_pages: 1 });
    expect(ids(body)).toEqual(['in-work-support', 'job-club', 'skills-for-work', 'youth-mentoring']);
    expect(body.results[1]).toMatchObject({
      serviceId: 'job-club', name: 'Job Club', partner: { partnerId: 'calder-works', name: 'Calder Works' }, needs: ['employment'],
      capacity: { available: 12, maximum: 20, unit: 'places' }, hasCapacity: true, waitlist: { joinsWaitlist: false, waiting: 0 }, openReferrals: 1,
    });
    expect(body.results[1]).not.toHaveProperty('distanceKm');
  });

  it('finds words as the start of words anywhere, the partner name included', async () => {
    expect(ids(await ok('?q=therap'))).toEqual(['talking-therapies']);
    expect(ids(await ok('?q=Carers%20caf%C3%A9'))).toEqual(['carers-cafe']);
    expect(ids(await ok('?q=fair%20money'))).toEqual(['benefits-check', 'debt-advice', 'energy-advice']);
  });

  it('measures from a postcode, nearest first, and keeps only those within a distance', async () => {
    const near = await ok('?postcode=HX1%202AB&need=mental-health');
    expect(near.from).toBe('HX1');
    expect(near.results[0]).toMatchObject({ serviceId: 'peer-support-group', nearestDistrict: 'HX7' });
    expect(near.results[0].distanceKm).toBeGreaterThan(5);
    expect(near.results.slice(1).every((r: object) => !('distanceKm' in r))).toBe(true);
    expect(ids(await ok('?postcode=HX1&within_km=5'))).toEqual(['job-club']);
    expect((await ok('?postcode=HX1&within_km=5')).results[0].distanceKm).toBe(0);
    expect(ids(await ok('?postcode=HX7&within_km=15'))).toEqual(['peer-support-group', 'job-club']);
  });

  it('filters by age, community and capacity, all together', async () => {
    expect(ids(await ok('?need=employment&age=15'))).toEqual(['youth-mentoring']);
    expect(ids(await ok('?need=employment&age=16'))).toEqual(['job-club', 'youth-mentoring']);
    expect(ids(await ok('?community=carers'))).toEqual(['carers-break-fund', 'carers-cafe', 'carers-assessment-support', 'young-carers-club']); // by name: "Carers' Assessment…" after "Carers Café"
    expect(ids(await ok('?community=carers&age=12'))).toEqual(['carers-cafe', 'young-carers-club']);
    const full = await ok('?has_capacity=false');
    expect(ids(full)).toEqual(['talking-therapies']);
    expect(full.results[0]).toMatchObject({ hasCapacity: false, waitlist: { joinsWaitlist: true } });
    expect((await ok('?has_capacity=true')).total).toBe(17);
  });

  it('pages, and an empty search is one empty page', async () => {
    const second = await ok('?per_page=5&page=2');
    expect(second).toMatchObject({ total: 18, page: 2, per_page: 5, total_pages: 4 });
    expect(second.results).toHaveLength(5);
    expect(await ok('?q=zzzz')).toMatchObject({ total: 0, total_pages: 0, results: [] });
  });

  it.each([
    ['need=Employment!', 'need'],
    ['need=unknown-need', 'need'],
    ['community=nobody-at-all', 'community'],
    ['q=%21%21%21', 'q'],
    [`q=${'a'.repeat(201)}`, 'q'],
    ['postcode=nowhere', 'postcode'],
    ['postcode=SW1A%201AA', 'postcode'],
    ['postcode=HX', 'postcode'],
    ['within_km=5', 'within_km'],
    ['postcode=HX1&within_km=0', 'within_km'],
    ['postcode=HX1&within_km=far', 'within_km'],
    ['postcode=HX1&within_km=101', 'within_km'],
    ['age=-1', 'age'],
    ['age=131', 'age'],
    ['age=twelve', 'age'],
    ['has_capacity=yes', 'has_capacity'],
    ['page=0', 'page'],
    ['per_page=101', 'per_page'],
    ['colour=blue', 'colour'],
  ])('refuses ?%s naming %s', async (query, field) => {
    await expectBadInput(t, () => search(`?${query}`), [field]);
  });

  it('refuses a page past the last, naming page', async () => {
    await expectBadInput(t, () => search('?need=employment&page=2'), ['page'], 'input.page-out-of-range');
  });
});
