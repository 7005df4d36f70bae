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

const BAD_VALUES: unknown[] = [
  '\ud800', 'a\u0000b', '\u202eevil', 'x'.repeat(200_000), null, [null], 1e308, -1e308, 2 ** 53, 0.5, -1, '', ' ', {}, [],
  ['x'.repeat(100_000)], Array.from({ length: 5_000 }, (_, i) => `term-${i}`), 'DROP TABLE', '<script>alert(1)</script>', true, 'NaN',
];

/** The hostile requests issue 12 lists, built around a valid body so they reach deep into each route. */
export function hostileBodies(valid: unknown, random: () => number): { payload: string; contentType: string }[] {
  const json = (value: unknown) => ({ payload: typeof value === 'string' ? value : JSON.stringify(value), contentType: 'application/json' });
  const bad = BAD_VALUES[Math.floor(random() * BAD_VALUES.length)];
  return [
    json(plant(valid ?? {}, bad, random)),
    json(plant(valid ?? {}, bad, random)),
    json(plant(valid ?? {}, nested(3_000), random)),
    json(nested(3_000)),
    json('null'),
    json('"just a string"'),
    json('{"a":'),
    json(JSON.stringify(valid ?? {}).replace(/^\{/, '{"__proto__":{"polluted":true},')),
    json(JSON.stringify(valid ?? {}).replace(/^\{/, '{"prototype":1,')),
    json(JSON.stringify(valid ?? {}).replace(/"(\w)/, '"\\ud800$1')),
    { payload: 'needs=employment&personId=x', contentType: 'application/x-www-form-urlencoded' },
    { payload: JSON.stringify(valid ?? {}), contentType: 'text/plain' },
  ];
}

export const hostileHeaders: Record<string, string>[] = [{ 'if-match': 'junk' }, { 'if-match': '*' }, { 'if-match': '"999999"' }, { 'if-match': '"-1"' }, { 'idempotency-key': 'k'.repeat(500) }, { 'idempotency-key': '\u0000' }];
