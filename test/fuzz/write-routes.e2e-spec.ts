import { OnedoorTestApp, startTestApp } from '../support/onedoor-test-app';
import { PUBLIC_LISTS, readWholeList } from '../support/public-feed';
import { switchOffChecks } from '../support/switched-off-checks';
import { HostileBody, hostileBodies, hostileHeaders, randomBody, seededRandom, OpenApiDocument, writeRoutesOf } from './request-generator';

/**
 * Seeded fuzzing of every write route of /docs-json (issue 12): bodies generated from each route's schema,
 * mutated and mixed with the known hostile shapes (deep nesting, lone surrogates, null items, huge strings
 * and numbers, control and bidi characters, prototype keys, wrong content types, null bodies, junk If-Match).
 * Sequential, so the log head before and after each request tells whether that request wrote anything.
 * ONEDOOR_TEST_SWITCH_OFF=depth,surrogates (any names of test/support/switched-off-checks.ts) runs it with those
 * checks off, to see it fail.
 */
describe('fuzzing every write route (fixed seed)', () => {
  const SEED = 20261207;
  const REQUESTS = 2_000;
  const PUBLIC_FEED_BOUND = 512 * 1024;
  let t: OnedoorTestApp;
  const fiveHundreds: string[] = [];
  const refusedButWrote: string[] = [];
  const wronglyAccepted: string[] = [];
  const statuses = new Map<number, number>();
  const switchedOff = switchOffChecks();

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true });
    const fastify = t.app.getHttpAdapter().getInstance();
    const doc = JSON.parse((await fastify.inject({ method: 'GET', url: '/docs-json' })).body) as OpenApiDocument;
    const routes = writeRoutesOf(doc);
    expect(routes.length).toBeGreaterThan(30);
    const random = seededRandom(SEED);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    // Real ids of the demo consortium where a route needs one, else junk; both must be answered without a 5xx.
    const someIds: Record<string, string[]> = {
      partnerId: ['calder-works', 'youth-forward', 'calder-hub', 'no-such-partner'],
      serviceId: ['job-club', 'skills-for-work', 'no-such-service'],
    };
    const actors = ['calder-hub', 'calder-works', 'youth-forward', 'fair-money-advice'];
    for (let i = 0; i < REQUESTS; i++) {
      const route = pick(routes);
      const url = route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(random() < 0.8 && someIds[name] ? pick(someIds[name]) : pick(['x', 'r-' + Math.floor(random() * 1e6), '..', '%00', 'a'.repeat(80)])));
      const valid = route.schema ? randomBody(route.schema, doc, random) : undefined;
      const hostile = hostileBodies(valid, random);
      const { payload, contentType, mustRefuse }: HostileBody = random() < 0.35 ? { payload: JSON.stringify(valid ?? {}), contentType: 'application/json' } : pick(hostile);
      const headers: Record<string, string> = { authorization: t.auth(pick(actors)), 'content-type': contentType, ...(random() < 0.2 ? pick(hostileHeaders) : {}) };
      const before = await t.head();
      const response = await fastify.inject({ method: route.method.toUpperCase() as 'POST', url, headers, payload });
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
      const what = `#${i} ${route.method.toUpperCase()} ${url} ${contentType} ${payload.slice(0, 120)}`;
      if (response.statusCode >= 500) fiveHundreds.push(`${what} → ${response.statusCode} ${response.body.slice(0, 200)}`);
      if (response.statusCode >= 300 && (await t.head()) !== before) refusedButWrote.push(`${what} → ${response.statusCode}`);
      if (mustRefuse && response.statusCode < 300) wronglyAccepted.push(`${what} (${mustRefuse}) → ${response.statusCode}`);
    }
    console.log(
      `fuzz: ${REQUESTS} requests${switchedOff.length ? `, checks switched off: ${switchedOff.join(',')}` : ''}; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}; ` +
        `5xx: ${fiveHundreds.length}, refused but wrote: ${refusedButWrote.length}, wrongly accepted: ${wronglyAccepted.length}`,
    );
  }, 600_000);
  afterAll(() => t?.close());

  it('answers no request with a 5xx', () => {
    expect(fiveHundreds).toEqual([]);
  });

  it('accepts no body that the check every body passes must refuse', () => {
    expect(wronglyAccepted).toEqual([]);
  });

  it('writes nothing for any request it refuses', () => {
    expect(refusedButWrote).toEqual([]);
  });

  it('keeps every public Open Referral list, read to its last page, under a size bound', async () => {
    for (const path of PUBLIC_LISTS) {
      const { bytes, pages } = await readWholeList(t, path);
      expect({ path, pages: pages > 0, within: bytes <= PUBLIC_FEED_BOUND }).toEqual({ path, pages: true, within: true });
    }
  });
});
