import { HsdsIds } from '@onedoor/projections';
import type { Response } from 'supertest';
import { DEMO_PARTNERS, DEMO_SERVICES } from '../apps/onedoor/src/demo/demo-consortium';
import { OnedoorTestApp, startTestApp } from './support/onedoor-test-app';
import { OpenReferralSchemas, Profile, schemaErrors } from './support/open-referral-schemas';
import { expectBadInput, expectRefused } from './support/refusals';

/**
 * The Open Referral API (HSDS 3.0 with the Open Referral UK profile) over HTTP, on the demo consortium:
 * real answers validated against the published schemas in ../shared, its filters, pagination and refusals,
 * and that it is open (no token, CORS *) where the staff API is not.
 */
const PROFILES: Profile[] = ['hsds', 'oruk'];
const ids = new HsdsIds('onedoor');
const schemas = new OpenReferralSchemas();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

type Body = Record<string, any>;

function expectConforms(body: unknown, ...validators: ({ name: string; validate: ReturnType<OpenReferralSchemas['schema']> } | undefined)[]): void {
  for (const v of validators) {
    if (v) expect({ schema: v.name, errors: schemaErrors(v.validate, body) }).toEqual({ schema: v.name, errors: [] });
  }
}
const file = (profile: Profile, name: string) => ({ name: `${profile} ${name}`, validate: schemas.schema(profile, name) });
const response = (profile: Profile, path: string) => {
  const validate = schemas.response(profile, path);
  return validate && { name: `${profile} openapi GET ${path}`, validate };
};
const page = (profile: Profile, itemFile: string) => ({ name: `${profile} page of ${itemFile}`, validate: schemas.page(profile, itemFile) });
const capacitySchema = { name: 'hsds 3.1 service_capacity', validate: schemas.serviceCapacity() };

describe('Open Referral API', () => {
  let t: OnedoorTestApp;
  const get = (path: string) => t.http().get(`/openreferral${path}`);
  const ok = async (path: string): Promise<Body> => {
    const res = await get(path);
    expect({ path, status: res.status }).toEqual({ path, status: 200 });
    return res.body;
  };
  const namesOf = (body: Body) => (body.contents as Body[]).map((item) => item.service?.name ?? item.name);
  const sorted = (names: string[]) => [...names].sort((a, b) => a.localeCompare(b));
  const demoNames = (keep: (s: (typeof DEMO_SERVICES)[number]) => boolean) => sorted(DEMO_SERVICES.filter(keep).map((s) => s.name));

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true });
  });
  afterAll(() => t.close());

  describe('conforms to HSDS 3.0 and the Open Referral UK profile', () => {
    it('GET / says which version, profile and OpenAPI definition, with or without the trailing slash', async () => {
      const body = await ok('/');
      expect(body).toEqual({
        version: '3.0',
        profile: 'https://github.com/openreferral/uk-profile',
        openapi_url: 'https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/openapi.json',
      });
      expectConforms(body, response('hsds', '/'), response('oruk', '/'));
      expect(await ok('')).toEqual(body);
    });

    it('the schemas are really checked: a broken copy of a real answer fails them', async () => {
      const body = await ok(`/services/${ids.service('job-club')}`);
      const { organization_id, ...withoutOrganization } = body;
      expect(organization_id).toMatch(UUID);
      for (const profile of PROFILES) {
        const validate = schemas.schema(profile, 'compiled/service.json');
        expect(schemaErrors(validate, withoutOrganization)).toContain(`(root) must have required property 'organization_id' {"missingProperty":"organization_id"}`);
        expect(schemaErrors(validate, { ...body, status: 'open' }).join()).toMatch(/\/status must be equal to one of the allowed values/);
        const badLocation = schemaErrors(validate, { ...body, service_at_locations: [{ ...body.service_at_locations[0], location: { id: 'HX1' } }] }).join();
        expect(badLocation).toMatch(/location\/id must match format "uuid"/);
        expect(badLocation).toMatch(/location must have required property 'location_type'/);
        expect(schemaErrors(schemas.page(profile, 'compiled/service_list.json'), { contents: [] }).join()).toMatch(/total_items/);
      }
      expect(schemaErrors(capacitySchema.validate, { ...body.service_capacity, updated: 'today' }).join()).toMatch(/updated must match format "date-time"/);
    });

    it('GET /services is a page of every service, each valid as a service list item', async () => {
      const body = await ok('/services?per_page=100');
      expect(body).toMatchObject({ total_items: DEMO_SERVICES.length, total_pages: 1, page_number: 1, size: DEMO_SERVICES.length, first_page: true, last_page: true, empty: false });
      expect(namesOf(body)).toEqual(sorted(DEMO_SERVICES.map((s) => s.name)));
      for (const profile of PROFILES) expectConforms(body, response(profile, '/services'), page(profile, 'compiled/service_list.json'));
      for (const item of body.contents as Body[]) {
        expect(item.id).toMatch(UUID);
        expect(item.organization_id).toMatch(UUID);
        expectConforms(item.service_capacity, capacitySchema);
      }
    });

    it('GET /services/{id} is a fully nested service, for every service', async () => {
      for (const demo of DEMO_SERVICES) {
        const body = await ok(`/services/${ids.service(demo.serviceId)}`);
        expectConforms(body, file('hsds', 'compiled/service.json'), file('oruk', 'compiled/service.json'));
        expectConforms(body.service_capacity, capacitySchema);
        expect(body).toMatchObject({ id: ids.service(demo.serviceId), organization_id: ids.organization(demo.partnerId), name: demo.name, status: 'active' });
        expect(body.organization.id).toBe(ids.organization(demo.partnerId));
        expect(body.service_capacity).toMatchObject({ service_id: body.id, available: demo.capacity.available, maximum: demo.capacity.maximum, unit: { identifier: demo.capacity.unit } });
        expect(body.service_areas.map((a: Body) => a.name)).toEqual(demo.localities);
        expect(body.attributes.map((a: Body) => a.taxonomy_term.code)).toEqual([...demo.needs, ...demo.communities]);
        expect({ languages: body.languages, contacts: body.contacts, schedules: body.schedules }).toEqual({ languages: [], contacts: [], schedules: [] });
      }
    });

    it('maps a service in full: organization, locations, eligibility and ages, areas, terms and capacity', async () => {
      const jobClub = await ok(`/services/${ids.service('job-club')}`);
      expect(jobClub).toEqual({
        id: ids.service('job-club'),
        organization_id: ids.organization('calder-works'),
        name: 'Job Club',
        description: 'Weekly job search, CVs and applications with an employment coach.',
        status: 'active',
        eligibility_description: 'Out of work, 16 or over',
        minimum_age: 16,
        last_modified: expect.any(String),
        organization: { id: ids.organization('calder-works'), name: 'Calder Works', description: 'Calder Works is a delivery partner of Calder Valley Wellbeing Consortium.' },
        service_capacity: {
          id: ids.serviceCapacity('job-club'), service_id: ids.service('job-club'), unit_id: ids.capacityUnit('places'),
          unit: { id: ids.capacityUnit('places'), name: 'Places', scheme: 'OneDoor', identifier: 'places' },
          available: 12, maximum: 20, description: '12 of 20 places available', updated: jobClub.last_modified,
        },
        service_areas: [
          { id: ids.serviceArea('job-club', 'Halifax'), service_id: ids.service('job-club'), name: 'Halifax', service_area: 'Halifax' },
          { id: ids.serviceArea('job-club', 'HX1'), service_id: ids.service('job-club'), name: 'HX1', service_area: 'HX1', description: 'The HX1 postcode district' },
        ],
        service_at_locations: [{
          id: ids.serviceAtLocation('job-club', 'HX1'), service_id: ids.service('job-club'), location_id: ids.location('HX1'),
          location: {
            id: ids.location('HX1'), location_type: 'physical', name: 'HX1 postcode district', description: expect.stringContaining('HX1'),
            latitude: expect.any(Number), longitude: expect.any(Number), external_identifier: 'HX1', external_identifier_type: 'postcode district',
          },
        }],
        attributes: [{
          id: ids.attribute('job-club', 'needs', 'employment'), link_id: ids.service('job-club'), link_type: 'need', link_entity: 'service',
          taxonomy_term_id: ids.taxonomyTerm('needs', 'employment'),
          taxonomy_term: { id: ids.taxonomyTerm('needs', 'employment'), code: 'employment', name: 'Employment', term: 'Employment', description: 'Services that meet this need: Employment.', taxonomy: 'OneDoor Needs', taxonomy_id: ids.taxonomy('needs') },
        }],
        languages: [],
        contacts: [],
        schedules: [],
      });
      expect(new Date(jobClub.last_modified).toISOString()).toBe(jobClub.last_modified);

      const housing = await ok(`/services/${ids.service('young-peoples-housing')}`);
      expect(housing).toMatchObject({ minimum_age: 16, maximum_age: 25, service_at_locations: [] });
      expect(housing).not.toHaveProperty('eligibility_description');
      expect(housing.attributes.map((a: Body) => [a.link_type, a.taxonomy_term.name])).toEqual([['need', 'Housing'], ['audience', 'Young People'], ['audience', 'Care Leavers']]);
    });

    it('GET /organizations and /organizations/{id}: the partners, each with its services', async () => {
      const list = await ok('/organizations');
      expect(namesOf(list)).toEqual(sorted(DEMO_PARTNERS.map((p) => p.name)));
      expectConforms(list, response('hsds', '/organizations'), page('hsds', 'compiled/organization_list.json'), page('oruk', 'compiled/organization_list.json'));
      for (const partner of DEMO_PARTNERS) {
        const body = await ok(`/organizations/${ids.organization(partner.partnerId)}`);
        expectConforms(body, file('hsds', 'compiled/organization.json'), file('oruk', 'compiled/organization.json'));
        expect(sorted(body.services.map((s: Body) => s.name))).toEqual(demoNames((s) => s.partnerId === partner.partnerId));
      }
      expect((await ok(`/organizations/${ids.organization('calder-hub')}`)).description).toBe('Calder Valley Together (hub) is the hub of Calder Valley Wellbeing Consortium.');
    });

    it('GET /taxonomies and /taxonomy_terms: the needs and communities services name, each term once', async () => {
      const taxonomies = await ok('/taxonomies');
      expect(namesOf(taxonomies)).toEqual(['OneDoor Communities', 'OneDoor Needs']);
      for (const profile of PROFILES) expectConforms(taxonomies, response(profile, '/taxonomies'), page(profile, 'taxonomy.json'));
      for (const taxonomy of taxonomies.contents as Body[]) {
        const body = await ok(`/taxonomies/${taxonomy.id}`);
        expectConforms(body, file('hsds', 'taxonomy.json'), file('oruk', 'taxonomy.json'));
        expect(body).toEqual(taxonomy);
      }

      const terms = await ok('/taxonomy_terms');
      const needs = new Set(DEMO_SERVICES.flatMap((s) => s.needs));
      const communities = new Set(DEMO_SERVICES.flatMap((s) => s.communities));
      expect(terms.total_items).toBe(needs.size + communities.size);
      for (const profile of PROFILES) expectConforms(terms, response(profile, '/taxonomy_terms'), page(profile, 'taxonomy_term.json'));
      for (const term of terms.contents as Body[]) {
        const body = await ok(`/taxonomy_terms/${term.id}`);
        expectConforms(body, file('hsds', 'taxonomy_term.json'), file('oruk', 'taxonomy_term.json'));
        expect(body).toEqual(term);
      }
      expect((await ok(`/taxonomy_terms/${ids.taxonomyTerm('needs', 'carers-support')}`)).name).toBe("Carers' Support");
      expect(namesOf(await ok(`/taxonomy_terms?taxonomy_id=${ids.taxonomy('communities')}`))).toEqual(['Care Leavers', 'Carers', 'Older People', 'Refugees', 'Young People']);
      expect(namesOf(await ok('/taxonomy_terms?search=HEALTH'))).toEqual(['Mental Health']);
    });

    it('GET /service_at_locations and /service_at_locations/{id}: services in the postcode districts they name', async () => {
      const list = await ok('/service_at_locations');
      expect((list.contents as Body[]).map((e) => [e.service.name, e.location.external_identifier])).toEqual([['Job Club', 'HX1'], ['Peer Support Group', 'HX7']]);
      for (const profile of PROFILES) expectConforms(list, response(profile, '/service_at_locations'), page(profile, 'compiled/service_at_location_list.json'));
      for (const entry of list.contents as Body[]) {
        const body = await ok(`/service_at_locations/${entry.id}`);
        expectConforms(body, file('hsds', 'compiled/service_at_location.json'), file('oruk', 'compiled/service_at_location.json'));
        expect(body).toMatchObject({ id: entry.id, service_id: entry.service_id, location_id: entry.location_id, location: entry.location, service: { id: entry.service_id } });
        expect(body.service).not.toHaveProperty('service_at_locations');
      }
    });

    it('lists the HSDS routes in the OpenAPI document at /docs, tagged openreferral', async () => {
      const docs = await t.http().get('/docs-json');
      const paths = Object.keys(docs.body.paths).filter((p) => p.startsWith('/openreferral'));
      expect(paths.sort()).toEqual([
        '/openreferral', '/openreferral/organizations', '/openreferral/organizations/{id}', '/openreferral/service_at_locations', '/openreferral/service_at_locations/{id}',
        '/openreferral/services', '/openreferral/services/{id}', '/openreferral/taxonomies', '/openreferral/taxonomies/{id}', '/openreferral/taxonomy_terms', '/openreferral/taxonomy_terms/{id}',
      ]);
      for (const path of paths) expect(docs.body.paths[path].get.tags).toEqual(['openreferral']);
      expect(docs.body.paths['/openreferral/services'].get.parameters.map((p: Body) => p.name).sort()).toEqual(
        ['maximum_age', 'minimum_age', 'modified_after', 'organization_id', 'page', 'per_page', 'search', 'taxonomy_id', 'taxonomy_term_id'],
      );
    });
  });

  describe('filters services, each alone and all together (AND)', () => {
    const services = async (query: string) => namesOf(await ok(`/services?per_page=100&${query}`));

    it('search finds words in name, description, eligibility, organization, terms and localities, in any case and without accents', async () => {
      expect(await services('search=JOB%20club')).toEqual(['Job Club']);
      expect(await services('search=cafe')).toEqual(['Carers Café']);
      expect(await services('search=carers')).toEqual(sorted(["Carers' Assessment Support", 'Carers Break Fund', 'Carers Café', 'Young Carers Club']));
      expect(await services('search=Todmorden')).toEqual(['Energy Bill Advice', 'Skills for Work']);
      expect(await services('search=young%20housing')).toEqual(["Young People's Housing"]);
      expect(await services('search=nothing%20like%20this')).toEqual([]);
    });

    it('taxonomy_term_id and taxonomy_id match the needs and communities services name', async () => {
      expect(await services(`taxonomy_term_id=${ids.taxonomyTerm('needs', 'employment')}`)).toEqual(demoNames((s) => s.needs.includes('employment')));
      expect(await services(`taxonomy_term_id=${ids.taxonomyTerm('communities', 'carers')}`)).toEqual(demoNames((s) => s.communities.includes('carers')));
      expect(await services(`taxonomy_id=${ids.taxonomy('communities')}`)).toEqual(demoNames((s) => s.communities.length > 0));
      expect(await services(`taxonomy_id=${ids.taxonomy('needs')}`)).toHaveLength(DEMO_SERVICES.length);
      expect(await services(`taxonomy_term_id=${ids.taxonomyTerm('needs', 'no-such-need')}`)).toEqual([]);
    });

    it('organization_id matches the services of one partner', async () => {
      expect(await services(`organization_id=${ids.organization('calder-works')}`)).toEqual(['In-Work Support', 'Job Club', 'Skills for Work']);
      expect(await services(`organization_id=${ids.organization('calder-hub')}`)).toEqual([]);
    });

    it('modified_after matches services changed on or after a date or date-time', async () => {
      const { contents } = await ok('/services?per_page=100');
      const latest = (contents as Body[]).map((s) => s.last_modified).sort().at(-1);
      expect(await services('modified_after=2000-01-01')).toHaveLength(DEMO_SERVICES.length);
      // The demo seed lists services within milliseconds of each other, so more than one may share the latest time.
      const latestNames = (contents as Body[]).filter((s) => s.last_modified === latest).map((s) => s.name);
      expect(await services(`modified_after=${latest}`)).toEqual(latestNames);
      expect(await services(`modified_after=${encodeURIComponent(new Date(Date.parse(latest) + 1).toISOString().replace('Z', '+00:00'))}`)).toEqual([]);
    });

    it('minimum_age and maximum_age follow the UK profile: minimum at least, maximum at most', async () => {
      expect(await services('minimum_age=16')).toEqual(demoNames((s) => (s.eligibility.minimumAge ?? 0) >= 16));
      expect(await services('minimum_age=0')).toHaveLength(DEMO_SERVICES.length);
      expect(await services('maximum_age=24')).toEqual(['Young Carers Club', 'Youth Mentoring', 'Youth Wellbeing Hub']);
      expect(await services('maximum_age=25')).toEqual(sorted(["Young People's Housing", 'Young Carers Club', 'Youth Mentoring', 'Youth Wellbeing Hub']));
    });

    it('combines every filter given with AND', async () => {
      expect(await services('minimum_age=14&maximum_age=24')).toEqual(['Youth Mentoring']);
      const employment = ids.taxonomyTerm('needs', 'employment');
      expect(await services(`taxonomy_term_id=${employment}&organization_id=${ids.organization('youth-forward')}`)).toEqual(['Youth Mentoring']);
      expect(await services(`taxonomy_term_id=${employment}&organization_id=${ids.organization('youth-forward')}&search=mentoring&minimum_age=14&modified_after=2000-01-01`)).toEqual(['Youth Mentoring']);
      expect(await services(`taxonomy_term_id=${employment}&organization_id=${ids.organization('youth-forward')}&search=club`)).toEqual([]);
      expect(await services(`taxonomy_term_id=${ids.taxonomyTerm('needs', 'mental-health')}&minimum_age=18`)).toEqual(['Peer Support Group', 'Talking Therapies']);
      expect(await services(`taxonomy_id=${ids.taxonomy('communities')}&search=carers&maximum_age=18`)).toEqual(['Young Carers Club']);
    });

    it('service_at_locations take the same filters, plus postcode (district or area) and proximity (nearest first)', async () => {
      const places = async (query: string) => ((await ok(`/service_at_locations?${query}`)).contents as Body[]).map((e) => `${e.service.name}@${e.location.external_identifier}`);
      expect(await places('postcode=HX1%202AB')).toEqual(['Job Club@HX1']);
      expect(await places('postcode=hx7')).toEqual(['Peer Support Group@HX7']);
      expect(await places('postcode=HX')).toEqual(['Job Club@HX1', 'Peer Support Group@HX7']);
      expect(await places('postcode=HD6%201AA')).toEqual([]);
      expect(await places('postcode=HX7%208AD&proximity=2000')).toEqual(['Peer Support Group@HX7']);
      expect(await places('postcode=HX7%208AD&proximity=15000')).toEqual(['Peer Support Group@HX7', 'Job Club@HX1']);
      expect(await places('postcode=HX1&proximity=15000')).toEqual(['Job Club@HX1', 'Peer Support Group@HX7']);
      expect(await places('postcode=LS1%201AA&proximity=5000')).toEqual([]);
      expect(await places(`postcode=HX&taxonomy_term_id=${ids.taxonomyTerm('needs', 'employment')}`)).toEqual(['Job Club@HX1']);
      expect(await places('search=peer&minimum_age=18')).toEqual(['Peer Support Group@HX7']);
    });

    it('organizations filter by search', async () => {
      expect(namesOf(await ok('/organizations?search=calder'))).toEqual(['Calder Valley Together (hub)', 'Calder Works']);
    });
  });

  describe('pages through results', () => {
    it('page by page, every service once, in the same order, with the envelope right at both ends', async () => {
      const all = ((await ok('/services?per_page=100')).contents as Body[]).map((s) => s.id);
      const seen: string[] = [];
      for (let pageNumber = 1; pageNumber <= 4; pageNumber++) {
        const body = await ok(`/services?per_page=5&page=${pageNumber}`);
        expect(body).toMatchObject({ total_items: 18, total_pages: 4, page_number: pageNumber, size: pageNumber < 4 ? 5 : 3, first_page: pageNumber === 1, last_page: pageNumber === 4, empty: false });
        seen.push(...(body.contents as Body[]).map((s) => s.id));
      }
      expect(seen).toEqual(all);
      expect(await ok('/services?per_page=1&page=18')).toMatchObject({ total_pages: 18, size: 1, first_page: false, last_page: true });
      expect(await ok('/services')).toMatchObject({ total_items: 18, total_pages: 1, size: 18, first_page: true, last_page: true });
    });

    it('an empty result is page 1 of none', async () => {
      const body = await ok('/services?search=nothing%20like%20this');
      expect(body).toEqual({ total_items: 0, total_pages: 0, page_number: 1, size: 0, first_page: true, last_page: true, empty: true, contents: [] });
      for (const profile of PROFILES) expectConforms(body, page(profile, 'compiled/service_list.json'));
    });

    it('a page past the last is refused, naming page', async () => {
      await expectBadInput(t, () => get('/services?per_page=5&page=5'), ['page'], 'input.page-out-of-range');
      await expectBadInput(t, () => get('/services?search=nothing%20like%20this&page=2'), ['page'], 'input.page-out-of-range');
      await expectBadInput(t, () => get('/organizations?page=2'), ['page'], 'input.page-out-of-range');
      await expectBadInput(t, () => get('/taxonomies?page=3&per_page=1'), ['page'], 'input.page-out-of-range');
      await expectBadInput(t, () => get('/taxonomy_terms?page=99'), ['page'], 'input.page-out-of-range');
      await expectBadInput(t, () => get('/service_at_locations?page=2&per_page=2'), ['page'], 'input.page-out-of-range');
      const res = await get('/services?per_page=5&page=5');
      expect(res.body.message).toBe('page must be at most 4, the last page of 18 item(s) at 5 per page');
    });
  });

  describe('refuses bad input with a 400 naming the parameter, and writes nothing', () => {
    it.each([
      ['page=0', ['page']],
      ['page=-1', ['page']],
      ['page=two', ['page']],
      ['page=1.5', ['page']],
      ['page=', ['page']],
      ['page=1&page=2', ['page']],
      ['per_page=0', ['per_page']],
      ['per_page=101', ['per_page']],
      ['per_page=ten', ['per_page']],
      ['taxonomy_term_id=employment', ['taxonomy_term_id']],
      ['taxonomy_id=needs', ['taxonomy_id']],
      ['organization_id=calder-works', ['organization_id']],
      ['modified_after=yesterday', ['modified_after']],
      ['modified_after=2026-13-01', ['modified_after']],
      ['modified_after=2026-02-30', ['modified_after']],
      ['modified_after=2026-03-01T25:00:00Z', ['modified_after']],
      ['modified_after=2026-03-01T09:00:00', ['modified_after']],
      ['minimum_age=-1', ['minimum_age']],
      ['minimum_age=131', ['minimum_age']],
      ['minimum_age=sixteen', ['minimum_age']],
      ['maximum_age=16.5', ['maximum_age']],
      [`search=${'x'.repeat(201)}`, ['search']],
      ['search=a&search=b', ['search']],
      ['format=ndjson', ['format']],
      ['full=true&minimal=true', ['full', 'minimal']],
      ['page=0&per_page=0&organization_id=x&minimum_age=old', ['page', 'per_page', 'organization_id', 'minimum_age']],
    ])('GET /services?%s', async (query, fields) => {
      const res = await expectBadInput(t, () => get(`/services?${query}`), fields);
      expect(res.headers['access-control-allow-origin']).toBe('*');
    });

    it('says what a good value looks like', async () => {
      const messages = async (query: string) => (await get(`/services?${query}`)).body.fields.flatMap((f: Body) => f.rules);
      expect(await messages('per_page=500')).toEqual(['per_page must be a whole number, from 1 to 100']);
      expect(await messages('minimum_age=old')).toEqual(['minimum_age must be a whole number of years, from 0 to 130']);
      expect(await messages('taxonomy_term_id=employment')).toEqual(['taxonomy_term_id must be a UUID, as given by /openreferral/taxonomy_terms']);
      expect(await messages('modified_after=1st%20March')).toEqual(['modified_after must be an ISO 8601 date or date-time with a time zone, e.g. 2026-03-01 or 2026-03-01T09:00:00Z']);
    });

    it.each([
      ['postcode=XYZ%20123', ['postcode']],
      ['postcode=', ['postcode']],
      ['proximity=1000', ['proximity']],
      ['postcode=HX1&proximity=near', ['proximity']],
      ['postcode=HX1&proximity=0', ['proximity']],
      ['postcode=HX1&proximity=100001', ['proximity']],
      ['postcode=SW1A%201AA&proximity=1000', ['postcode']],
      ['postcode=HX&proximity=1000', ['postcode']],
      ['postcode=HX1&minimum_age=x', ['minimum_age']],
    ])('GET /service_at_locations?%s', async (query, fields) => {
      await expectBadInput(t, () => get(`/service_at_locations?${query}`), fields);
    });

    it('on every list route', async () => {
      await expectBadInput(t, () => get('/organizations?per_page=0&taxonomy_term_id=x'), ['per_page', 'taxonomy_term_id']);
      await expectBadInput(t, () => get('/taxonomies?search=needs'), ['search']);
      await expectBadInput(t, () => get('/taxonomy_terms?taxonomy_id=needs&page=x'), ['taxonomy_id', 'page']);
    });
  });

  describe('answers 404 for an unknown id', () => {
    it.each([
      ['services', 'openreferral.service-not-found'],
      ['organizations', 'openreferral.organization-not-found'],
      ['taxonomies', 'openreferral.taxonomy-not-found'],
      ['taxonomy_terms', 'openreferral.taxonomy-term-not-found'],
      ['service_at_locations', 'openreferral.service-at-location-not-found'],
    ])('/%s/{id}', async (resource, rule) => {
      await expectRefused(t, () => get(`/${resource}/00000000-0000-4000-8000-000000000000`), 404, rule);
      await expectRefused(t, () => get(`/${resource}/not-a-uuid`), 404, rule);
    });

    it('our own ids are not HSDS ids, nor is one kind of id another', async () => {
      await expectRefused(t, () => get('/services/job-club'), 404, 'openreferral.service-not-found');
      await expectRefused(t, () => get(`/services/${ids.organization('calder-works')}`), 404, 'openreferral.service-not-found');
      await expectRefused(t, () => get(`/organizations/${ids.service('job-club')}`), 404, 'openreferral.organization-not-found');
    });
  });

  describe('is open: no token, and readable from any web page', () => {
    const routes = () => [
      '/openreferral', '/openreferral/', '/openreferral/services', `/openreferral/services/${ids.service('job-club')}`, '/openreferral/organizations',
      `/openreferral/organizations/${ids.organization('valley-minds')}`, '/openreferral/taxonomies', `/openreferral/taxonomies/${ids.taxonomy('needs')}`,
      '/openreferral/taxonomy_terms', `/openreferral/taxonomy_terms/${ids.taxonomyTerm('needs', 'debt')}`, '/openreferral/service_at_locations',
      `/openreferral/service_at_locations/${ids.serviceAtLocation('job-club', 'HX1')}`,
    ];

    it('every route answers without a token (or with a bad one), with access-control-allow-origin: *', async () => {
      for (const route of routes()) {
        for (const res of [await t.http().get(route), await t.http().get(route).set('authorization', 'Bearer not-a-token').set('origin', 'https://example.org')]) {
          expect({ route, status: res.status, cors: res.headers['access-control-allow-origin'] }).toEqual({ route, status: 200, cors: '*' });
        }
      }
    });

    it('refusals are readable cross-origin too, and preflights are answered', async () => {
      for (const res of [await t.http().get('/openreferral/services?page=0'), await t.http().get('/openreferral/services/nope'), await t.http().get('/openreferral/no-such-route')]) {
        expect(res.headers['access-control-allow-origin']).toBe('*');
      }
      const preflight = await t.http().options('/openreferral/services').set('origin', 'https://example.org').set('access-control-request-method', 'GET').set('access-control-request-headers', 'accept');
      expect(preflight.status).toBe(204);
      expect(preflight.headers).toMatchObject({ 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET, HEAD, OPTIONS', 'access-control-allow-headers': 'accept' });
    });

    it('the staff API is not open to other origins, and still wants a token', async () => {
      const staff: Response[] = [
        await t.http().get('/services').set('authorization', t.auth('calder-hub')).set('origin', 'https://example.org'),
        await t.http().get('/services').set('origin', 'https://example.org'),
        await t.http().get('/health').set('origin', 'https://example.org'),
        await t.http().get('/openreferralx').set('origin', 'https://example.org'),
        await t.http().options('/services').set('origin', 'https://example.org').set('access-control-request-method', 'GET'),
      ];
      expect(staff.map((res) => res.status)).toEqual([200, 401, 200, 404, 404]);
      for (const res of staff) expect(res.headers['access-control-allow-origin']).toBeUndefined();
    });
  });
});

describe('Open Referral API as the directory changes', () => {
  let t: OnedoorTestApp;
  const ok = async (path: string): Promise<Body> => {
    const res = await t.http().get(`/openreferral${path}`);
    expect({ path, status: res.status }).toEqual({ path, status: 200 });
    return res.body;
  };
  const write = async (send: () => PromiseLike<Response>) => {
    const res = await send();
    if (res.status >= 300) throw new Error(`${res.status} ${res.text}`);
  };

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true });
  });
  afterAll(() => t.close());

  it('shows capacity, withdrawals and partners leaving as soon as the staff API has them, still conforming', async () => {
    t.setNow('2031-01-01T09:00:00.000Z');
    await write(() => t.http().put('/services/job-club/capacity').set('authorization', t.auth('calder-works')).send({ available: 0, maximum: 20, unit: 'places' }));
    t.setNow('2031-01-02T09:00:00.000Z');
    await write(() => t.http().post('/services/energy-advice/withdraw').set('authorization', t.auth('fair-money')).send({ reason: 'funding ended' }));
    t.setNow('2031-01-03T09:00:00.000Z');
    await write(() => t.http().post('/consortium/partners/carers-circle/leave').set('authorization', t.auth('calder-hub')).send({ successorPartnerId: 'calder-works' }));
    t.setNow(undefined);

    const jobClub = await ok(`/services/${ids.service('job-club')}`);
    expect(jobClub.service_capacity).toMatchObject({ available: 0, maximum: 20, description: '0 of 20 places available', updated: '2031-01-01T09:00:00.000Z' });
    expect(jobClub.last_modified).toBe('2031-01-01T09:00:00.000Z');
    expect(await ok(`/services/${ids.service('energy-advice')}`)).toMatchObject({ status: 'inactive', last_modified: '2031-01-02T09:00:00.000Z' });

    const carers = await ok(`/organizations/${ids.organization('carers-circle')}`);
    expect(carers.description).toBe('Carers Circle was a partner of Calder Valley Wellbeing Consortium until 2031-01-03.');
    expect(carers.services.map((s: Body) => s.status)).toEqual(['inactive', 'inactive', 'inactive']);
    expect((await ok('/organizations')).total_items).toBe(DEMO_PARTNERS.length);

    const changed = await ok('/services?per_page=100&modified_after=2031-01-01');
    const statusOf = Object.fromEntries(changed.contents.map((s: Body) => [s.name, s.status]));
    expect(statusOf).toEqual({ "Carers' Assessment Support": 'inactive', 'Carers Break Fund': 'inactive', 'Carers Café': 'inactive', 'Energy Bill Advice': 'inactive', 'Job Club': 'active' });
    for (const profile of PROFILES) expectConforms(changed, page(profile, 'compiled/service_list.json'));
    for (const id of [ids.service('energy-advice'), ids.service('carers-cafe')]) {
      expectConforms(await ok(`/services/${id}`), file('hsds', 'compiled/service.json'), file('oruk', 'compiled/service.json'));
    }
  });

  it('answers the same, ids and all, after a restart rebuilds the directory from the log', async () => {
    const paths = ['/services?per_page=100', `/services/${ids.service('job-club')}`, '/organizations', '/taxonomies', '/taxonomy_terms', '/service_at_locations'];
    const before = await Promise.all(paths.map(ok));
    await t.close({ keepData: true });
    t = await startTestApp({ dataDir: t.dataDir });
    expect(await Promise.all(paths.map(ok))).toEqual(before);
  });
});
