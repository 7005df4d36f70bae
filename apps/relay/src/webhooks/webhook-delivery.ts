import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { httpHeaders } from '@onedoor/messaging';
import { ONEDOOR_CONFIG, OnedoorConfig } from '@onedoor/platform';
import { PartnerFeed } from '../feed/partner-feed';
import type { StoredFeedMessage } from '../feed/partner-feed-store';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, webhookSignature } from './webhook-signature';
import { WebhookSecretBox } from './webhook-secret-box';
import { DeadLetter, Webhook, WebhookStore } from './webhook-store';

/** The wait before attempt `attempts + 1`: doubling from the base, capped. */
export function backoffMs(attempts: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
}

type Job = { kind: 'next'; message: StoredFeedMessage } | { kind: 'replay'; letter: DeadLetter; message: StoredFeedMessage };

/**
 * Delivers each partner's feed messages to its webhooks: per webhook one at a time, in feed order, each POST
 * signed; failures retried with exponential backoff, and after the last attempt the message goes to the
 * dead letters and the webhook moves on. Dead letters queued for replay go first. All state is in the store,
 * so a restart resumes where it was.
 */
@Injectable()
export class WebhookDelivery implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('webhooks');
  private readonly busy = new Map<string, Promise<void>>();
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly store: WebhookStore,
    private readonly secrets: WebhookSecretBox,
    private readonly feed: PartnerFeed,
    @Inject(ONEDOOR_CONFIG) private readonly config: OnedoorConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.feed.onAppended(() => this.tick());
    // Retries come due with time, not with new events: poll at a fraction of the shortest wait.
    const every = Math.max(10, Math.min(500, Math.floor(this.config.WEBHOOK_RETRY_BASE_MS / 2)));
    this.timer = setInterval(() => this.tick(), every);
    this.timer.unref();
    this.tick();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await Promise.all(this.busy.values());
  }

  /** Starts a delivery for every idle webhook that has something due. */
  tick(): void {
    if (this.stopped) return;
    const now = Date.now();
    for (const webhook of this.store.all()) {
      if (this.busy.has(webhook.webhookId)) continue;
      const job = this.nextJob(webhook, now);
      if (!job) continue;
      const run = this.deliver(webhook, job)
        .catch((error: Error) => this.logger.error({ msg: 'webhook delivery failed unexpectedly', webhookId: webhook.webhookId, error: error.message }))
        .finally(() => {
          this.busy.delete(webhook.webhookId);
          this.tick();
        });
      this.busy.set(webhook.webhookId, run);
    }
  }

  private nextJob(webhook: Webhook, now: number): Job | undefined {
    const letter = this.store.dueReplay(webhook.webhookId, now);
    const replayed = letter && this.feed.storedMessage(letter.seq);
    if (letter && replayed) return { kind: 'replay', letter, message: replayed };
    if (webhook.nextAttemptAt > now) return undefined;
    const [message] = this.feed.afterSeq(webhook.partnerId, webhook.cursor, 1);
    return message && { kind: 'next', message };
  }

  private async deliver(webhook: Webhook, job: Job): Promise<void> {
    const error = await this.post(webhook, job.message);
    const { WEBHOOK_MAX_ATTEMPTS: max, WEBHOOK_RETRY_BASE_MS: base, WEBHOOK_RETRY_MAX_MS: cap } = this.config;
    const ids = { webhookId: webhook.webhookId, partnerId: webhook.partnerId, position: job.message.position };
    if (job.kind === 'replay') {
      if (error === undefined) return this.store.replayed(job.letter.deadLetterId);
      const attempts = job.letter.attempts + 1;
      this.store.replayFailed(job.letter.deadLetterId, attempts, attempts >= max ? null : Date.now() + backoffMs(attempts, base, cap), error);
      this.logger.warn({ msg: 'webhook replay failed', ...ids, attempts, error });
      return;
    }
    if (error === undefined) return this.store.delivered(webhook.webhookId, job.message.seq);
    const attempts = webhook.attempts + 1;
    if (attempts < max) {
      this.store.willRetry(webhook.webhookId, attempts, Date.now() + backoffMs(attempts, base, cap), error);
      this.logger.warn({ msg: 'webhook delivery failed; will retry', ...ids, attempts, error });
      return;
    }
    this.store.deadLettered({
      webhookId: webhook.webhookId, partnerId: webhook.partnerId, seq: job.message.seq, position: job.message.position,
      eventId: job.message.headers.ce_id, type: job.message.headers.ce_type, attempts, lastError: error, deadAt: new Date().toISOString(),
    });
    this.logger.warn({ msg: 'webhook delivery dead-lettered', ...ids, attempts, error });
  }

  /** One signed POST; undefined on a 2xx answer, else what went wrong (never the URL or the secret). */
  private async post(webhook: Webhook, message: StoredFeedMessage): Promise<string | undefined> {
    const body = this.feed.bodyOf(message);
    const payload = body === null ? '' : JSON.stringify(body);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const headers: Record<string, string> = {
      ...httpHeaders(message.headers),
      [TIMESTAMP_HEADER]: timestamp,
      [SIGNATURE_HEADER]: webhookSignature(this.secrets.open(webhook.sealedSecret), timestamp, payload),
      'x-onedoor-webhook-id': webhook.webhookId,
      'user-agent': 'OneDoor-Webhooks/1',
    };
    try {
      const res = await fetch(webhook.url, { method: 'POST', headers, body: payload, redirect: 'manual', signal: AbortSignal.timeout(this.config.WEBHOOK_TIMEOUT_MS) });
      await res.arrayBuffer().catch(() => undefined);
      return res.status >= 200 && res.status < 300 ? undefined : `HTTP ${res.status}`;
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      return cause ?? (error as Error).name;
    }
  }
}
