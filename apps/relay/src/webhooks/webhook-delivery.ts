import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { httpHeaders } from '@onedoor/messaging';
import { ONEDOOR_CONFIG, OnedoorConfig } from '@onedoor/platform';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { PartnerFeed } from '../feed/partner-feed';
import type { StoredFeedMessage } from '../feed/partner-feed-store';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, webhookSignature } from './webhook-signature';
import { WebhookSecretBox } from './webhook-secret-box';
import { DeadLetter, Webhook, WebhookStore } from './webhook-store';

/** The wait before attempt `attempts + 1`: doubling from the base, capped. */
export function backoffMs(attempts: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
}

/** A claim outlives the POST it covers (at most WEBHOOK_TIMEOUT_MS) by this much, for the store's writes around it. */
const CLAIM_MARGIN_MS = 10_000;

type Job = { kind: 'next'; message: StoredFeedMessage } | { kind: 'replay'; letter: DeadLetter; message: StoredFeedMessage };

/**
 * Delivers each partner's feed messages to its webhooks: per webhook one at a time, in feed order, each POST
 * signed; failures retried with exponential backoff, and after the last attempt the message goes to the
 * dead letters and the webhook moves on. Dead letters queued for replay go first. All state is in the store,
 * so a restart resumes where it was. Each delivery is made under the webhook's claim in the store, so when
 * several processes share the store each message is POSTed by one of them, once.
 */
@Injectable()
export class WebhookDelivery implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('webhooks');
  private readonly busy = new Map<string, Promise<void>>();
  private timer?: NodeJS.Timeout;
  private stopped = false;
  /** A scan of the webhooks in flight, and whether another was asked for meanwhile. */
  private scanning = false;
  private scanAgain = false;
  /** Names this process in the webhooks' claims. */
  private readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

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

  /** Starts a delivery for every idle webhook that has something due (one scan at a time; asks made meanwhile run one more). */
  tick(): void {
    if (this.stopped) return;
    if (this.scanning) {
      this.scanAgain = true;
      return;
    }
    this.scanning = true;
    this.scan()
      .catch((error: Error) => this.logger.warn({ msg: 'could not read the webhooks; trying again', error: error.message }))
      .finally(() => {
        this.scanning = false;
        if (this.scanAgain) {
          this.scanAgain = false;
          this.tick();
        }
      });
  }

  private async scan(): Promise<void> {
    for (const webhook of await this.store.all()) {
      if (this.stopped || this.busy.has(webhook.webhookId)) continue;
      const { webhookId } = webhook;
      const run = this.attempt(webhook).then(
        (delivered) => {
          this.busy.delete(webhookId);
          // Straight on to its next message; an idle one waits for the next event or the timer.
          if (delivered) this.tick();
        },
        (error: Error) => {
          this.busy.delete(webhookId);
          this.logger.error({ msg: 'webhook delivery failed unexpectedly', webhookId, error: error.message });
        },
      );
      this.busy.set(webhookId, run);
    }
  }

  /** One delivery for the webhook if something is due, under its claim; true when one was made. */
  private async attempt(seen: Webhook): Promise<boolean> {
    // Look before claiming, so an idle webhook costs reads only.
    if (!(await this.nextJob(seen, Date.now()))) return false;
    const webhook = await this.store.claim(seen.webhookId, this.owner, Date.now(), this.config.WEBHOOK_TIMEOUT_MS + CLAIM_MARGIN_MS);
    if (!webhook) return false; // another process is delivering to it
    let recorded = false;
    try {
      // Again from the claimed row: another process may have delivered since the first look.
      const job = await this.nextJob(webhook, Date.now());
      if (!job) return false;
      recorded = true;
      await this.deliver(webhook, job);
      return true;
    } finally {
      if (!recorded) await this.store.unclaim(webhook.webhookId, this.owner);
    }
  }

  private async nextJob(webhook: Webhook, now: number): Promise<Job | undefined> {
    const letter = await this.store.dueReplay(webhook.webhookId, now);
    const replayed = letter && (await this.feed.storedMessage(letter.seq));
    if (letter && replayed) return { kind: 'replay', letter, message: replayed };
    if (webhook.nextAttemptAt > now) return undefined;
    const [message] = await this.feed.afterSeq(webhook.partnerId, webhook.cursor, 1);
    return message && { kind: 'next', message };
  }

  /** POSTs the job's message and records the outcome, which ends the claim. */
  private async deliver(webhook: Webhook, job: Job): Promise<void> {
    const error = await this.post(webhook, job.message);
    const { WEBHOOK_MAX_ATTEMPTS: max, WEBHOOK_RETRY_BASE_MS: base, WEBHOOK_RETRY_MAX_MS: cap } = this.config;
    const ids = { webhookId: webhook.webhookId, partnerId: webhook.partnerId, position: job.message.position };
    const { webhookId } = webhook;
    let kept: boolean;
    if (job.kind === 'replay') {
      const attempts = job.letter.attempts + 1;
      kept = error === undefined
        ? await this.store.replayed(webhookId, this.owner, job.letter.deadLetterId)
        : await this.store.replayFailed(webhookId, this.owner, job.letter.deadLetterId, attempts, attempts >= max ? null : Date.now() + backoffMs(attempts, base, cap), error);
      if (error !== undefined) this.logger.warn({ msg: 'webhook replay failed', ...ids, attempts, error });
    } else if (error === undefined) {
      kept = await this.store.delivered(webhookId, this.owner, job.message.seq);
    } else {
      const attempts = webhook.attempts + 1;
      if (attempts < max) {
        kept = await this.store.willRetry(webhookId, this.owner, attempts, Date.now() + backoffMs(attempts, base, cap), error);
        this.logger.warn({ msg: 'webhook delivery failed; will retry', ...ids, attempts, error });
      } else {
        kept = await this.store.deadLettered({
          webhookId, partnerId: webhook.partnerId, seq: job.message.seq, position: job.message.position,
          eventId: job.message.headers.ce_id, type: job.message.headers.ce_type, attempts, lastError: error, deadAt: new Date().toISOString(),
        }, this.owner);
        this.logger.warn({ msg: 'webhook delivery dead-lettered', ...ids, attempts, error });
      }
    }
    // Paused past the claim (or the webhook was removed): another process has it now and this outcome is dropped.
    if (!kept) this.logger.warn({ msg: 'webhook claim lost before the outcome was recorded', ...ids });
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
