import { ParsedOnUse } from '../checkpoints/parsed-on-use';

const tagOf = (value: unknown) => Object.prototype.toString.call(value);

/**
 * Fields that are memos, not state: HsdsIds.known remembers derived ids in the order they were asked for, which
 * a restore (asking for none) and a replay (asking for all) do differently, with the same ids either way.
 */
const MEMOS = new Set(['known']);

/**
 * A projection's whole state (private fields too) as plain arrays and objects, so a test can compare a restored
 * projection with a replayed one. Needed because v8.deserialize makes its Maps and Sets in Node's own realm, and
 * Jest's equality cannot walk those from the test's vm realm. Map entries and Set members keep their order.
 */
export function plainState(value: unknown, seen = new Map<object, unknown>()): unknown {
  // Methods bound as fields (HsdsIds') are new functions in every instance: the name is what can be compared.
  if (typeof value === 'function') return `function ${value.name}`;
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return seen.get(value);
  // Compared as the values it holds, whether still JSON text (restored) or parsed (replayed or used since).
  if (value instanceof ParsedOnUse) {
    const entries: unknown[] = [];
    seen.set(value, { map: entries });
    for (const key of [...value.keys()]) entries.push([key, plainState(value.get(key), seen)]);
    return seen.get(value);
  }
  const tag = tagOf(value);
  if (tag === '[object Map]') {
    const entries: unknown[] = [];
    seen.set(value, { map: entries });
    for (const [k, v] of (value as Map<unknown, unknown>).entries()) entries.push([plainState(k, seen), plainState(v, seen)]);
    return seen.get(value);
  }
  if (tag === '[object Set]') {
    const members: unknown[] = [];
    seen.set(value, { set: members });
    for (const member of (value as Set<unknown>).values()) members.push(plainState(member, seen));
    return seen.get(value);
  }
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    seen.set(value, items);
    for (const item of value) items.push(plainState(item, seen));
    return items;
  }
  const fields: Record<string, unknown> = {};
  seen.set(value, fields);
  for (const [k, v] of Object.entries(value)) if (!MEMOS.has(k)) fields[k] = plainState(v, seen);
  return fields;
}

/** Every string in a value, walking into maps, sets, arrays and objects; sealed values (ciphertexts) are skipped. */
export function stringsIn(value: unknown, found: string[] = [], seen = new Set<unknown>()): string[] {
  if (typeof value === 'string') found.push(value);
  if (value === null || typeof value !== 'object' || seen.has(value)) return found;
  seen.add(value);
  if ('ciphertext' in value && 'iv' in value) return found;
  const tag = tagOf(value);
  const children = tag === '[object Map]' ? [...(value as Map<unknown, unknown>).entries()].flat() : tag === '[object Set]' ? [...(value as Set<unknown>)] : Object.values(value);
  for (const child of children) stringsIn(child, found, seen);
  return found;
}
