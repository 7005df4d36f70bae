export * from './event-store.port';
export * from './event-store.errors';
export { expectedVersionMatches } from './expected-version';
export { InMemoryEventStore } from './in-memory-event-store';
export { SqliteEventStore } from './sqlite-event-store';
export type { SqliteEventStoreOptions } from './sqlite-event-store';
export { SqliteEventLogReader } from './sqlite-event-log-reader';
export { PostgresEventStore } from './postgres-event-store';
export type { PostgresEventStoreOptions } from './postgres-event-store';
