/** The time now, as an ISO string. A provider so tests can move time (e.g. to see a referral go overdue). */
export class Clock {
  now(): string {
    return new Date().toISOString();
  }
}
