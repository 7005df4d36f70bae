import { OnedoorTestApp, startTestApp } from '../support/onedoor-test-app';
import { switchOffChecks } from '../support/switched-off-checks';
import { OpenApiDocument, randomBody, seededRandom, writeRoutesOf } from './request-generator';

type Key = string | number;

/** Every place in a body where a value sits: each primitive, and each empty list or object. */
function leavesOf(value: unknown, at: Key[] = []): Key[][] {
  if (Array.isArray(value)) return value.length ? value.flatMap((item, i) => leavesOf(item, [...at, i])) : [at];
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length ? entries.flatMap(([key, item]) => leavesOf(item, [...at, key])) : [at];
  }
  return [at];
}

function replacedAt(body: unknown, at: Key[], value: unknown): unknown {
  if (at.length === 0) return value;
  const copy = structuredClone(body) as Record<Key, unknown>;
  let node = copy;
  for (const key of at.slice(0, -1)) node = node[key] as Record<Key, unknown>;
  node[at[at.length - 1]] = value;
  return copy;
}

/** A path as the body check names it: `changes.milestones[0].name`. */
const nameOf = (at: Key[]) => at.reduce<string>((name, key) => (typeof key === 'number' ? `${name || '(body)'}[${key}]` : name ? `${name}.${key}` : key), '') || '(body)';

const deep = (levels: number): unknown => Array.from({ length: levels }).reduce<unknown>((inner) => [inner], 'x');

/** Values no field may hold, each named by the rule that refuses it. */
const UNSTORABLE: [string, unknown][] = [
  ['a lone surrogate', 'ok\ud800'],
  ['a NUL', 'a\u0000b'],
  ['a right-to-left override', 'abc\u202edef'],
  ['10,001 characters', 'x'.repeat(10_001)],
  ['33 levels of lists', deep(33)],
];

/**
 * Takes a body shaped like each write route's schema and breaks one field at a time with a value no field may
 * hold: every route answers 400 naming that very field (or, for nesting, a place inside it), and writes nothing.
 * Whether the rest of the body is acceptable does not matter: the body check runs before the route does.
 */
describe('every field of every write route, broken one at a time', () => {
  let t: OnedoorTestApp;
  const misses: string[] = [];
  let sent = 0;
  const switchedOff = switchOffChecks();

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true });
    const fastify = t.app.getHttpAdapter().getInstance();
    const doc = JSON.parse((await fastify.inject({ method: 'GET', url: '/docs-json' })).body) as OpenApiDocument;
    const random = seededRandom(20261208);
    const routes = writeRoutesOf(doc).filter((route) => route.schema);
    expect(routes.length).toBeGreaterThan(20);
    for (const route of routes) {
      const url = route.path.replace(/\{(\w+)\}/g, 'some-id');
      const body = randomBody(route.schema!, doc, random);
      for (const at of leavesOf(body)) {
        for (const [what, value] of UNSTORABLE) {
          const before = await t.head();
          const response = await fastify.inject({ method: route.method.toUpperCase() as 'POST', url, headers: { authorization: t.auth('calder-hub'), 'content-type': 'application/json' }, payload: JSON.stringify(replacedAt(body, at, value)) });
          sent++;
          const field = nameOf(at);
          const named: string | undefined = JSON.parse(response.body).fields?.[0]?.field;
          const namesIt = named === field || (Array.isArray(value) && named?.startsWith(field));
          if (response.statusCode !== 400 || !namesIt || (await t.head()) !== before) misses.push(`${route.method.toUpperCase()} ${route.path} ${field} = ${what} → ${response.statusCode} naming ${named}`);
        }
      }
    }
    console.log(`one-field mutations: ${sent} requests over ${routes.length} routes${switchedOff.length ? `, checks switched off: ${switchedOff.join(',')}` : ''}; not refused naming the field: ${misses.length}`);
  }, 600_000);
  afterAll(() => t?.close());

  it('refuses each with a 400 naming the broken field, writing nothing', () => {
    expect(sent).toBeGreaterThan(200);
    expect(misses).toEqual([]);
  });
});
