/** The time now, as an ISO string. A provider so tests can move time (e.g. to see a referral go overdue). */
export class Clock {
  private pinned: string | undefined;

  now(): string {
    return this.pinned ?? new Date().toISOString();
  }

  /**
   * Runs `work` with the clock reading `instant`, then gives the live time back (even when `work` fails):
   * for seeding history before the app serves requests, so each command decides and records its business
   * time as of a past moment. Anything else reading the clock meanwhile reads that instant too, so this is
   * never for request handling.
   */
  async runAt<T>(instant: string, work: () => Promise<T>): Promise<T> {
    if (Number.isNaN(Date.parse(instant))) throw new Error(`the clock runs at an ISO date-time, not ${instant}`);
    const before = this.pinned;
    this.pinned = new Date(instant).toISOString();
    try {
      return await work();
    } finally {
      this.pinned = before;
    }
  }
}
