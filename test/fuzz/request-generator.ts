/** Seeded request bodies for fuzzing: from an OpenAPI schema, then broken in the ways hostile clients break them. */

export { seededRandom } from '@onedoor/projections/seeded-random';

export interface Schema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  format?: string;
  pattern?: string;
  example?: unknown;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface WriteRoute {
  path: string;
  method: string;
  /** The JSON body's schema, when the route takes one. */
  schema?: Schema;
}

/** Every write route of the OpenAPI document (POST, PUT, PATCH, DELETE), with its body schema. */
export function writeRoutesOf(doc: OpenApiDocument): WriteRoute[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([method]) => ['post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, op]) => ({ path, method, schema: op.requestBody?.content?.['application/json']?.schema })),
  );
}

function resolve(schema: Schema, doc: OpenApiDocument): Schema {
  if (!schema.$ref) return schema;
  return resolve(doc.components?.schemas?.[schema.$ref.split('/').pop()!] ?? {}, doc);
}

/** A body that mostly follows the schema (examples, enums, bounds), with optional keys sometimes left out. */
export function randomBody(schema: Schema, doc: OpenApiDocument, random: () => number, depth = 0): unknown {
  const s = resolve(schema, doc);
  const choice = s.allOf?.[0] ?? s.oneOf?.[Math.floor(random() * s.oneOf.length)] ?? s.anyOf?.[0];
  if (choice) return randomBody(choice, doc, random, depth);
  if (s.example !== undefined && random() < 0.5) return s.example;
  if (s.enum) return s.enum[Math.floor(random() * s.enum.length)];
  switch (s.type) {
    case 'object': {
      const body: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(s.properties ?? {})) {
        if (depth < 6 && (s.required?.includes(key) || random() < 0.6)) body[key] = randomBody(property, doc, random, depth + 1);
      }
      return body;
    }
    case 'array': {
      const n = Math.max(s.minItems ?? 0, Math.floor(random() * 3));
      return depth < 6 ? Array.from({ length: n }, () => randomBody(s.items ?? {}, doc, random, depth + 1)) : [];
    }
    case 'integer':
    case 'number': {
      const min = s.minimum ?? 0;
      const max = s.maximum ?? min + 100;
      const n = min + random() * (max - min);
      return s.type === 'integer' ? Math.round(n) : n;
    }
    case 'boolean':
      return random() < 0.5;
    case 'string':
      if (s.format === 'date') return '2026-12-01';
      if (s.format === 'date-time') return '2026-12-31T12:00:00.000Z';
      return ['employment', 'housing', 'calder-works', 'Sam', 'HX1 2AB', 'a reason'][Math.floor(random() * 6)];
    default:
      return 'x';
  }
}

function nested(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** Puts `bad` at one randomly chosen place of `valid` (a key of an object, an item of an array, or the whole). */
function plant(valid: unknown, bad: unknown, random: () => number): unknown {
  if (valid && typeof valid === 'object' && !Array.isArray(valid)) {
    const keys = Object.keys(valid);
    if (keys.length === 0 || random() < 0.2) return { ...valid, injected: bad };
    const key = keys[Math.floor(random() * keys.length)];
    return { ...valid, [key]: plant((valid as Record<string, unknown>)[key], bad, random) };
  }
  if (Array.isArray(valid) && valid.length > 0 && random() < 0.7) return [...valid.slice(1), plant(valid[0], bad, random)];
  if (Array.isArray(valid)) return [bad];
  return bad;
}

/**
 * Bad values to plant in a valid body. Those with `refusedBecause` break the check every JSON body passes
 * (body-sanity.ts) wherever they sit, so any route must refuse a body holding one; the others may be fine in
 * some fields (a null where a field is optional is not, an empty string in a free-text field is).
 */
const BAD_VALUES: { value: unknown; refusedBecause?: string }[] = [
  { value: '\ud800', refusedBecause: 'lone surrogate' }, { value: 'a\u0000b', refusedBecause: 'control character' }, { value: '\u202eevil', refusedBecause: 'bidi override' },
  { value: 'x'.repeat(200_000), refusedBecause: 'string over 10,000' }, { value: null }, { value: [null] }, { value: 1e308 }, { value: -1e308 }, { value: 2 ** 53 },
  { value: 0.5 }, { value: -1 }, { value: '' }, { value: ' ' }, { value: {} }, { value: [] },
  { value: ['x'.repeat(100_000)], refusedBecause: 'string over 10,000' }, { value: Array.from({ length: 5_000 }, (_, i) => `term-${i}`), refusedBecause: 'list over 1,000' },
  { value: 'DROP TABLE' }, { value: '<script>alert(1)</script>' }, { value: true }, { value: 'NaN' },
];

export interface HostileBody {
  payload: string;
  contentType: string;
  /** Why every write route must refuse it, when it must (the global body check, or JSON that does not parse). */
  mustRefuse?: string;
}

/** The hostile requests issue 12 lists, built around a valid body so they reach deep into each route. */
export function hostileBodies(valid: unknown, random: () => number): HostileBody[] {
  const json = (value: unknown, mustRefuse?: string): HostileBody => ({ payload: typeof value === 'string' ? value : JSON.stringify(value), contentType: 'application/json', ...(mustRefuse ? { mustRefuse } : {}) });
  const bad = BAD_VALUES[Math.floor(random() * BAD_VALUES.length)];
  const body = JSON.stringify(valid ?? {});
  // Marked only when the change took (a body with no key has none to rename).
  const changed = (payload: string, why: string) => json(payload, payload !== body ? why : undefined);
  return [
    json(plant(valid ?? {}, bad.value, random), bad.refusedBecause),
    json(plant(valid ?? {}, bad.value, random), bad.refusedBecause),
    json(plant(valid ?? {}, nested(3_000), random), 'nesting over 32'),
    json(nested(3_000), 'nesting over 32'),
    json('null'),
    json('"just a string"'),
    json('{"a":', 'malformed JSON'),
    changed(body.replace(/^\{/, '{"__proto__":{"polluted":true},'), 'prototype key'),
    changed(body.replace(/^\{/, '{"prototype":1,'), 'prototype key'),
    changed(body.replace(/"(\w)/, '"\\ud800$1'), 'lone surrogate in a key'),
    { payload: 'needs=employment&personId=x', contentType: 'application/x-www-form-urlencoded', mustRefuse: 'not JSON' },
    { payload: body, contentType: 'text/plain', mustRefuse: 'not JSON' },
  ];
}

export const hostileHeaders: Record<string, string>[] = [{ 'if-match': 'junk' }, { 'if-match': '*' }, { 'if-match': '"999999"' }, { 'if-match': '"-1"' }, { 'idempotency-key': 'k'.repeat(500) }, { 'idempotency-key': '\u0000' }];
