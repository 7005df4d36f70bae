import { ExpectedVersion } from './event-store.port';
import { WrongExpectedVersionError } from './event-store.errors';

/** Whether a stream holding `actual` events satisfies what the caller expected. */
export function expectedVersionMatches(expected: ExpectedVersion, actual: number): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no-stream':
      return actual === 0;
    case 'exists':
      return actual > 0;
    default:
      return actual === expected;
  }
}

export function assertExpectedVersion(stream: string, expected: ExpectedVersion, actual: number): void {
  if (!expectedVersionMatches(expected, actual)) {
    throw new WrongExpectedVersionError(stream, expected, actual);
  }
}
