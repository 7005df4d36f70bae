import { randomUUID } from 'node:crypto';
import { EventStore, NewEvent, RecordedEvent } from '../event-store.port';

/** What an adapter's test file hands the contract for each test. */
export interface EventStoreUnderTest {
  store: EventStore;
  /** Durable adapters: opens the same storage again (the contract closes the store first). */
  reopen?: () => Promise<EventStore>;
  cleanup: () => Promise<void>;
}

export type EventStoreFactory = () => Promise<EventStoreUnderTest>;

/** The current test's store; a fresh one per test. */
export interface ContractSubject {
  readonly store: EventStore;
  readonly reopen: (() => Promise<EventStore>) | undefined;
}

/** Registers the per-test setup and teardown; call inside a describe block. */
export function useContractSubject(factory: EventStoreFactory): ContractSubject {
  let current: EventStoreUnderTest | undefined;
  beforeEach(async () => {
    current = await factory();
  });
  afterEach(async () => {
    await current?.cleanup();
    current = undefined;
  });
  return {
    get store() {
      if (!current) throw new Error('no store: used outside a test');
      return current.store;
    },
    get reopen() {
      return current?.reopen;
    },
  };
}

export function newEvent(type = 'referral-noted', data: Record<string, unknown> = {}): NewEvent {
  return { id: randomUUID(), type, schemaVersion: 1, data };
}

export function newEvents(count: number): NewEvent[] {
  return Array.from({ length: count }, (_, i) => newEvent('referral-noted', { n: i }));
}

/** 1..n, or from..to inclusive. */
export function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

export async function readWholeLog(store: EventStore, pageSize = 1000): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for (;;) {
    const page = await store.readAll(all.length ? all[all.length - 1].position : 0, pageSize);
    if (page.length === 0) return all;
    all.push(...page);
  }
}

export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls until the condition holds; fails the test (rather than hanging it) if it never does. */
export async function waitUntil(condition: () => boolean, what: string, timeoutMs = 4000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await pause(2);
  }
}

/** Settles every promise and sorts the outcomes, for races where only the count of winners is fixed. */
export async function settleAll<T>(promises: Promise<T>[]): Promise<{ fulfilled: T[]; rejected: unknown[] }> {
  const settled = await Promise.allSettled(promises);
  return {
    fulfilled: settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : [])),
    rejected: settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : [])),
  };
}
