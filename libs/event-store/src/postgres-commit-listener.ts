import { escapeIdentifier } from 'pg';
import type { Notification, Pool, PoolClient } from 'pg';

/**
 * Holds one pooled connection in LISTEN on the log's channel and calls `onCommit` with the head position each
 * appending transaction announced (its NOTIFY is delivered only once it has committed). When the connection
 * drops it reconnects after `retryMs`, calling `onCommit(undefined)` once it is back, since commits made
 * meanwhile were not announced. Subscribers also poll, so a lost notification costs latency, never events.
 */
export class PostgresCommitListener {
  private client: PoolClient | undefined;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;

  private constructor(
    private readonly pool: Pool,
    private readonly channel: string,
    private readonly onCommit: (head: number | undefined) => void,
    private readonly retryMs: number,
  ) {}

  static async start(
    pool: Pool,
    channel: string,
    onCommit: (head: number | undefined) => void,
    retryMs = 1000,
  ): Promise<PostgresCommitListener> {
    const listener = new PostgresCommitListener(pool, channel, onCommit, retryMs);
    await listener.connect();
    return listener;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    client.removeAllListeners('notification');
    // Destroy rather than return it: a connection still in LISTEN must not serve other queries.
    client.release(true);
  }

  private async connect(): Promise<void> {
    const client = await this.pool.connect();
    client.on('notification', (message: Notification) => {
      if (message.channel !== this.channel) return;
      const head = Number(message.payload);
      this.onCommit(Number.isFinite(head) ? head : undefined);
    });
    client.on('error', () => this.lost(client));
    try {
      await client.query(`LISTEN ${escapeIdentifier(this.channel)}`);
    } catch (error) {
      client.release(true);
      throw error;
    }
    if (this.stopped) {
      client.release(true);
      return;
    }
    this.client = client;
  }

  private lost(client: PoolClient): void {
    if (this.client !== client) return;
    this.client = undefined;
    client.removeAllListeners('notification');
    client.release(true);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.connect().then(
        () => this.onCommit(undefined),
        () => this.scheduleReconnect(),
      );
    }, this.retryMs);
    this.retry.unref();
  }
}
