import { AppendCondition, AppendResult, ExpectedVersion } from './event-store.port';
import { assertExpectedVersion } from './expected-version';
import {
  assertDistinctIds,
  assertIdsUnused,
  EventIdentity,
  EventPlaceLookup,
  findOriginalAppend,
} from './event-id-reuse';

/** What an adapter must do with one append request. */
export type AppendDecision =
  /** A retry of an append that already succeeded: write nothing, answer with the original result. */
  | { kind: 'replay'; result: AppendResult }
  /** Write the events at versions `currentVersion + 1 …` (nothing to write when the batch is empty). */
  | { kind: 'write'; currentVersion: number };

/**
 * The one place the append rules live, shared by every adapter. Idempotency is judged before the
 * expected version so that a retry after a success still succeeds when its expectation is stale.
 * Conditions on other streams are checked last, against `versionOf` read in the append's transaction.
 * Throws WrongExpectedVersionError or DuplicateEventIdError; the caller then writes nothing.
 */
export function decideAppend(
  stream: string,
  events: readonly EventIdentity[],
  expected: ExpectedVersion,
  currentVersion: number,
  lookup: EventPlaceLookup,
  conditions: readonly AppendCondition[] = [],
  versionOf: (stream: string) => number = () => 0,
): AppendDecision {
  assertDistinctIds(events);
  const original = findOriginalAppend(stream, events, lookup);
  if (original) return { kind: 'replay', result: original };
  assertIdsUnused(events, lookup);
  assertExpectedVersion(stream, expected, currentVersion);
  for (const condition of conditions) {
    assertExpectedVersion(condition.stream, condition.expected, condition.stream === stream ? currentVersion : versionOf(condition.stream));
  }
  return { kind: 'write', currentVersion };
}
