/** One write a client made: its Idempotency-Key, every answer it got on the way, and what it finally got. */
export interface ClientWrite {
  key: string;
  kind: string;
  /** Every status, in order (0: no answer at all, the connection failed). */
  statuses: number[];
  /** The final 2xx answer's body. */
  body?: Record<string, unknown>;
}

/** What one client sends: a path and body for the n-th write of its kind. */
export interface WriteKind {
  kind: string;
  path: string;
  body(n: number): object;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Several clients, each writing one request after another at a steady pace through one URL, as staff at the front
 * door would. Each write carries an Idempotency-Key and is sent again, with the same key, after anything but a
 * definite answer: no answer, a 5xx, or `idempotency.in-progress` (the attempt before may still hold the key). It
 * gives up only after `giveUpMs`, and a 4xx other than that is kept as its final answer (the suite says whether it
 * expected one).
 */
export class SteadyWrites {
  readonly writes: ClientWrite[] = [];
  private running = true;
  private readonly clients: Promise<void>[];

  constructor(
    private readonly url: string,
    private readonly authorization: string,
    kinds: WriteKind[],
    { clients = 4, pauseMs = 150, giveUpMs = 45_000 } = {},
  ) {
    this.clients = Array.from({ length: clients }, (_, c) => this.client(c, kinds, pauseMs, giveUpMs));
  }

  /** Writes answered 2xx so far. */
  acknowledged(): ClientWrite[] {
    return this.writes.filter((w) => w.body !== undefined);
  }

  /** Resolves once `count` more writes than now were acknowledged (bounded: rejects after `timeoutMs`). */
  async moreAcknowledged(count: number, timeoutMs = 60_000): Promise<void> {
    const target = this.acknowledged().length + count;
    const deadline = Date.now() + timeoutMs;
    while (this.acknowledged().length < target) {
      if (Date.now() > deadline) throw new Error(`only ${this.acknowledged().length} of ${target} writes acknowledged; last answers: ${JSON.stringify(this.writes.slice(-8))}`);
      await pause(100);
    }
  }

  /** Lets every client finish the write it is on, then stops them. */
  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.clients);
  }

  private async client(c: number, kinds: WriteKind[], pauseMs: number, giveUpMs: number): Promise<void> {
    for (let n = 0; this.running; n++) {
      const kind = kinds[(c + n) % kinds.length];
      const write: ClientWrite = { key: `steady-${c}-${n}`, kind: kind.kind, statuses: [] };
      this.writes.push(write);
      await this.untilDefinite(write, kind.path, kind.body(c * 100_000 + n), giveUpMs);
      await pause(pauseMs);
    }
  }

  private async untilDefinite(write: ClientWrite, path: string, body: object, giveUpMs: number): Promise<void> {
    const deadline = Date.now() + giveUpMs;
    while (Date.now() < deadline) {
      const answer = await fetch(`${this.url}${path}`, {
        method: 'POST',
        headers: { authorization: this.authorization, 'content-type': 'application/json', 'idempotency-key': write.key },
        body: JSON.stringify(body),
      }).then(
        async (res) => ({ status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> }),
        () => ({ status: 0, body: {} as Record<string, unknown> }),
      );
      write.statuses.push(answer.status);
      if (answer.status >= 200 && answer.status < 300) {
        write.body = answer.body;
        return;
      }
      const retry = answer.status === 0 || answer.status >= 500 || answer.body.rule === 'idempotency.in-progress';
      if (!retry) return;
      await pause(200);
    }
  }
}
