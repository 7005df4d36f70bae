/**
 * Gathers the requests made in one turn of the event loop (and those made while the previous group was
 * being committed) into one group, and commits one group at a time. Each request is answered with its own
 * outcome; an Error outcome rejects that request alone, a thrown error rejects the whole group.
 */
export class GroupCommitQueue<Request, Result> {
  private queue: Array<{ request: Request; resolve(result: Result): void; reject(error: Error): void }> = [];
  private flushScheduled = false;
  private writing: Promise<void> | undefined;

  constructor(private readonly commit: (requests: Request[]) => Promise<Array<Result | Error>>) {}

  submit(request: Request): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.scheduleFlush();
    });
  }

  /** Resolves once everything submitted so far has been committed (or refused). */
  async drain(): Promise<void> {
    while (this.writing || this.queue.length > 0) {
      this.flush();
      await this.writing;
    }
  }

  /** Rejects what is queued and not yet being committed (the group in flight is answered by its commit). */
  failQueued(error: Error): void {
    this.queue.splice(0).forEach((queued) => queued.reject(error));
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.writing || this.queue.length === 0) return;
    const group = this.queue;
    this.queue = [];
    this.writing = this.commit(group.map((queued) => queued.request)).then(
      (outcomes) =>
        group.forEach((queued, i) => {
          const outcome = outcomes[i];
          if (outcome instanceof Error) queued.reject(outcome);
          else queued.resolve(outcome);
        }),
      (error: unknown) => {
        const failure = asError(error);
        group.forEach((queued) => queued.reject(failure));
      },
    ).finally(() => {
      this.writing = undefined;
      if (this.queue.length > 0) this.scheduleFlush();
    });
  }
}

/**
 * Duck-typed, not instanceof: a native addon's error can come from another realm (as under Jest) and must
 * pass through as it is.
 */
function asError(error: unknown): Error {
  const isError = typeof error === 'object' && error !== null && typeof (error as Error).message === 'string';
  return isError ? (error as Error) : new Error(String(error));
}
