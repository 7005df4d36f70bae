/**
 * The restored state as the projection saved it, checked just enough that a checkpoint from something else
 * (a hand-edited file, a bug) fails the restore, and so leads to a rebuild, instead of failing a query later.
 */
export function snapshotShaped<T extends object>(state: unknown, projection: string, fields: readonly (keyof T & string)[]): T {
  if (state === null || typeof state !== 'object') throw new TypeError(`${projection}: the snapshot is not an object`);
  const missing = fields.filter((field) => !(field in state));
  if (missing.length) throw new TypeError(`${projection}: the snapshot lacks ${missing.join(', ')}`);
  return state as T;
}

// By tag, not instanceof: v8.deserialize builds its Maps in Node's own realm, which is not a test runner's vm realm.
const tagOf = (value: unknown) => Object.prototype.toString.call(value);

/** A map field of a snapshot, checked to be one. */
export function mapOf<K, V>(value: unknown, projection: string, field: string): Map<K, V> {
  if (tagOf(value) !== '[object Map]') throw new TypeError(`${projection}: the snapshot's ${field} is not a map`);
  return value as Map<K, V>;
}

/** A set field of a snapshot, checked to be one. */
export function setOf<T>(value: unknown, projection: string, field: string): Set<T> {
  if (tagOf(value) !== '[object Set]') throw new TypeError(`${projection}: the snapshot's ${field} is not a set`);
  return value as Set<T>;
}

/** A list field of a snapshot, checked to be one. */
export function listOf<T>(value: unknown, projection: string, field: string): T[] {
  if (!Array.isArray(value)) throw new TypeError(`${projection}: the snapshot's ${field} is not a list`);
  return value as T[];
}
