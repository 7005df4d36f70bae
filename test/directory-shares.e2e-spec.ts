import { DIRECTORY_SHARE_LIMITS } from '@onedoor/domain';
import { OnedoorTestApp, startTestApp } from './support/onedoor-test-app';
import { PUBLIC_LISTS, readWholeList } from './support/public-feed';
import { expectRefused } from './support/refusals';
import { switchOffChecks } from './support/switched-off-checks';

/**
 * One partner cannot inflate the open directory (issue 12): its services, and the need codes, community codes
 * and places it brings in, stop at its share with a 422 that names the share, and nothing is written; the public
 * lists, read page by page, hold exactly what the shares allow. A real app over a real SQLite file.
 * ONEDOOR_TEST_SWITCH_OFF=shares runs it without the shares, to see it fail.
 */
describe("a partner's share of the open directory", () => {
  switchOffChecks();
  let t: OnedoorTestApp;
  const PARTNER = 'share-test-trust';
  const partner = () => t.auth(PARTNER);
  const codes = (prefix: string, from: number, count: number) => Array.from({ length: count }, (_, i) => `${prefix}-${from + i}`);
  const places = (from: number, count: number) => Array.from({ length: count }, (_, i) => `Sharetown ${from + i}`);
  const service = (fields: { needs?: string[]; communities?: string[]; localities?: string[] } = {}) => ({
    name: 'Share test service', description: 'Listed to test directory shares', needs: ['employment'], localities: ['Halifax'], communities: [],
    eligibility: {}, capacity: { available: 1, maximum: 1, unit: 'places' }, ...fields,
  });
  const list = (body: object) => t.http().post('/services').set('authorization', partner()).send(body);
  const listed = async (body: object): Promise<string> => {
    const res = await list(body);
    expect({ status: res.status, body: res.status === 201 ? undefined : res.body }).toEqual({ status: 201, body: undefined });
    return res.body.serviceId;
  };
  const termsOf = async (prefix: string) => (await readWholeList(t, '/openreferral/taxonomy_terms')).items.filter((term) => String(term.code).startsWith(prefix));
  let listedSoFar = 0;
  let demoServices = 0;

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true });
    demoServices = (await readWholeList(t, '/openreferral/services')).items.length;
    await t.http().post('/consortium/partners').set('authorization', t.auth('calder-hub')).send({ partnerId: PARTNER, name: 'Share Test Trust', role: 'delivery' }).expect(201);
  });
  afterAll(() => t?.close());

  it('stops need codes new to the consortium at 40, on a listing and on an update, while known codes stay free', async () => {
    const first = await listed(service({ needs: codes('share-need', 0, 20) }));
    await listed(service({ needs: codes('share-need', 20, 20) }));
    listedSoFar += 2;
    const details = { share: 'needs', limit: DIRECTORY_SHARE_LIMITS.needs, used: 40, adding: 1 };
    await expectRefused(t, () => list(service({ needs: ['employment', 'share-need-40'] })), 422, 'service.directory-share-exceeded', details);
    const refused = await expectRefused(t, () => t.http().patch(`/services/${first}`).set('authorization', partner()).send({ needs: ['share-need-40'] }), 422, 'service.directory-share-exceeded', details);
    expect(refused.body.message).toMatch(/at most 40 need codes/);
    // Codes already in the consortium (the demo's, or its own) cost nothing.
    await t.http().patch(`/services/${first}`).set('authorization', partner()).send({ needs: ['employment', 'share-need-39'] }).expect(200);
    expect((await termsOf('share-need-')).length).toBe(40);
  });

  it('stops community codes new to the consortium at 40', async () => {
    await listed(service({ communities: codes('share-community', 0, 20) }));
    const second = await listed(service({ communities: codes('share-community', 20, 20) }));
    listedSoFar += 2;
    await expectRefused(t, () => t.http().patch(`/services/${second}`).set('authorization', partner()).send({ communities: ['carers', 'share-community-40', 'share-community-41'] }), 422,
      'service.directory-share-exceeded', { share: 'communities', limit: DIRECTORY_SHARE_LIMITS.communities, used: 40, adding: 2 });
    expect((await termsOf('share-community-')).length).toBe(40);
  });

  it('stops places new to the consortium at 200', async () => {
    for (let i = 0; i < 4; i++) await listed(service({ localities: places(50 * i, 50) }));
    listedSoFar += 4;
    await expectRefused(t, () => list(service({ localities: ['Halifax', 'Sharetown 200'] })), 422,
      'service.directory-share-exceeded', { share: 'localities', limit: DIRECTORY_SHARE_LIMITS.localities, used: 200, adding: 1 });
  });

  it('stops services at 100, counting withdrawn ones', async () => {
    while (listedSoFar < DIRECTORY_SHARE_LIMITS.services - 1) {
      await listed(service());
      listedSoFar++;
    }
    const last = await listed(service());
    await t.http().post(`/services/${last}/withdraw`).set('authorization', partner()).send({ reason: 'closed' }).expect(200);
    await expectRefused(t, () => list(service()), 422, 'service.directory-share-exceeded', { share: 'services', limit: 100, used: 100, adding: 1 });
  });

  it('lets only one of several concurrent listings take the last place in a share', async () => {
    const racer = 'share-race-trust';
    await t.http().post('/consortium/partners').set('authorization', t.auth('calder-hub')).send({ partnerId: racer, name: 'Share Race Trust', role: 'delivery' }).expect(201);
    // 39 new need codes used: one left. Six listings each bring a different new code, all at once.
    await t.http().post('/services').set('authorization', t.auth(racer)).send(service({ needs: codes('race-need', 0, 20) })).expect(201);
    await t.http().post('/services').set('authorization', t.auth(racer)).send(service({ needs: codes('race-need', 20, 19) })).expect(201);
    const answers = await Promise.all(codes('race-last', 0, 6).map((code) => t.http().post('/services').set('authorization', t.auth(racer)).send(service({ needs: [code] }))));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 422, 422, 422, 422, 422]);
    for (const refused of answers.filter((a) => a.status === 422)) expect(refused.body.rule).toBe('service.directory-share-exceeded');
    expect((await termsOf('race-last-')).length).toBe(1);
  });

  it('leaves every public list, read to its last page, at what the shares allow', async () => {
    const services = await readWholeList(t, '/openreferral/services');
    expect(services.items.length).toBe(demoServices + DIRECTORY_SHARE_LIMITS.services + 3);
    expect(services.pages).toBeGreaterThan(1);
    const bytes: Record<string, number> = {};
    for (const path of PUBLIC_LISTS) bytes[path] = (await readWholeList(t, path)).bytes;
    console.log(`public lists after the share tests (bytes, all pages): ${JSON.stringify(bytes)}`);
    for (const path of PUBLIC_LISTS) expect({ path, within: bytes[path] <= 1024 * 1024 }).toEqual({ path, within: true });
  });
});
