import { AppendCondition, AppendOptions, NewEvent } from './event-store.port';

/**
 * Refuses malformed input before it reaches storage, naming the field and the rule, so a bad request
 * fails alone instead of failing a storage transaction shared with other requests.
 */
export function assertWellFormedEvents(stream: string, events: readonly NewEvent[]): void {
  if (typeof stream !== 'string' || stream.length === 0) throw new TypeError('stream must be a non-empty string');
  if (!Array.isArray(events)) throw new TypeError('events must be an array');
  events.forEach((event, i) => {
    if (typeof event?.id !== 'string' || event.id.length === 0) {
      throw new TypeError(`events[${i}].id must be a non-empty string`);
    }
    if (typeof event.type !== 'string' || event.type.length === 0) {
      throw new TypeError(`events[${i}].type must be a non-empty string`);
    }
    if (!Number.isInteger(event.schemaVersion) || event.schemaVersion < 1) {
      throw new TypeError(`events[${i}].schemaVersion must be a positive integer`);
    }
    if (!isPlainRecord(event.data)) throw new TypeError(`events[${i}].data must be an object`);
    if (event.metadata !== undefined && !isPlainRecord(event.metadata)) {
      throw new TypeError(`events[${i}].metadata must be an object when given`);
    }
  });
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Conditions name a stream and a version the adapters understand; anything else is refused before storage. */
export function assertWellFormedConditions(options: AppendOptions | undefined): void {
  const conditions = options?.conditions;
  if (conditions === undefined) return;
  if (!Array.isArray(conditions)) throw new TypeError('options.conditions must be an array when given');
  conditions.forEach((condition: AppendCondition, i) => {
    if (typeof condition?.stream !== 'string' || condition.stream.length === 0) {
      throw new TypeError(`options.conditions[${i}].stream must be a non-empty string`);
    }
    const { expected } = condition;
    const known = expected === 'no-stream' || expected === 'exists' || expected === 'any' || (Number.isInteger(expected) && (expected as number) >= 0);
    if (!known) {
      throw new TypeError(`options.conditions[${i}].expected must be 'no-stream', 'exists', 'any' or a version (integer ≥ 0)`);
    }
  });
}
