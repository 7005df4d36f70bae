import { escapeIdentifier } from 'pg';
import type { Notification, Pool, PoolClient } from 'pg';

/**
 * Holds one pooled connection in LISTEN on a channel and calls `onMessage` with each notification's payload
 * (a NOTIFY is delivered only once its transaction has committed). When the connection drops it reconnects after
 * `retryMs`, calling `onMessage(undefined)` once it is back, since whatever was announced meanwhile was missed:
 * the caller catches up by other means (the event store re-reads, the key store re-checks its cache).
 */
export class PostgresChannelListener {
  private client: PoolClient | undefined;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;

  private constructor(
    private readonly pool: Pool,
    private readonly channel: string,
    private readonly onMessage: (payload: string | undefined) => void,
    private readonly retryMs: number,
  ) {}

  static async start(
    pool: Pool,
    channel: string,
    onMessage: (payload: string | undefined) => void,
    retryMs = 1000,
  ): Promise<PostgresChannelListener> {
    const listener = new PostgresChannelListener(pool, channel, onMessage, retryMs);
    await listener.connect();
    return listener;
  }

  /** Whether the LISTEN connection is up now (false while it reconnects). */
  get listening(): boolean {
    return this.client !== undefined;
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
      if (message.channel === this.channel) this.onMessage(message.payload ?? '');
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
        () => this.onMessage(undefined),
        () => this.scheduleReconnect(),
      );
    }, this.retryMs);
    this.retry.unref();
  }
}
