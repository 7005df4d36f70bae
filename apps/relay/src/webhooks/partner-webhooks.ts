import { Inject, Injectable } from '@nestjs/common';
import { Actor, RuleViolation } from '@onedoor/domain';
import { Clock } from '@onedoor/platform';
import { ConsortiumRoster } from '@onedoor/projections';
import { randomUUID } from 'node:crypto';
import { PartnerFeed } from '../feed/partner-feed';
import { ensureOwnPartnerOrManager } from '../feed/partner-feed.query';
import type { RegisterWebhookDto } from './webhook.dto';
import { WebhookDelivery } from './webhook-delivery';
import { WebhookSecretBox } from './webhook-secret-box';
import { DeadLetter, Webhook, WebhookStore } from './webhook-store';

const view = (w: Webhook) => ({
  webhookId: w.webhookId, url: w.url, createdAt: w.createdAt, delivered: w.delivered,
  failingAttempts: w.attempts, lastError: w.lastError, ...(w.nextAttemptAt ? { nextAttemptAt: new Date(w.nextAttemptAt).toISOString() } : {}),
});
const letterView = ({ partnerId, seq, nextAttemptAt, replay, ...letter }: DeadLetter) => ({ ...letter, replayQueued: replay });

/**
 * A partner's webhooks: only the partner itself registers, removes or replays them (they send its data to a
 * URL of its choosing); the consortium's manager may look at them. Registrations are operational settings,
 * not events: the signing secret must never reach the event log, so they live sealed in the WebhookStore.
 */
@Injectable()
export class PartnerWebhooks {
  constructor(
    private readonly store: WebhookStore,
    private readonly secrets: WebhookSecretBox,
    private readonly feed: PartnerFeed,
    private readonly delivery: WebhookDelivery,
    private readonly roster: ConsortiumRoster,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async register(partnerId: string, dto: RegisterWebhookDto, actor: Actor) {
    this.ensureOwn(partnerId, actor);
    // New webhooks get what happens from now on; the pull feed serves the history.
    const webhook = { webhookId: randomUUID(), partnerId, url: dto.url, sealedSecret: this.secrets.seal(dto.secret), createdAt: this.clock.now(), cursor: await this.feed.lastSeq() };
    await this.store.add(webhook);
    return { partnerId, ...view({ ...webhook, attempts: 0, nextAttemptAt: 0, lastError: null, delivered: 0 }), startsAfterPosition: this.feed.position };
  }

  async list(partnerId: string, actor: Actor) {
    ensureOwnPartnerOrManager(actor, partnerId, this.roster, 'webhooks');
    return { partnerId, webhooks: (await this.store.ofPartner(partnerId)).map(view) };
  }

  async remove(partnerId: string, webhookId: string, actor: Actor): Promise<void> {
    this.ensureOwn(partnerId, actor);
    await this.webhookOf(partnerId, webhookId);
    await this.store.remove(webhookId);
  }

  async deadLetters(partnerId: string, actor: Actor) {
    ensureOwnPartnerOrManager(actor, partnerId, this.roster, 'webhooks');
    return { partnerId, deadLetters: (await this.store.deadLettersOf(partnerId)).map(letterView) };
  }

  async replay(partnerId: string, actor: Actor, deadLetterId?: number) {
    this.ensureOwn(partnerId, actor);
    if (deadLetterId !== undefined && (await this.store.deadLetter(deadLetterId))?.partnerId !== partnerId) {
      throw new RuleViolation('webhook.dead-letter-not-found', `no dead letter ${deadLetterId} for partner ${partnerId}`, 'not-found');
    }
    const queued = await this.store.queueReplay(partnerId, deadLetterId);
    this.delivery.tick();
    return { partnerId, replayQueued: queued };
  }

  private ensureOwn(partnerId: string, actor: Actor): void {
    if (actor.partnerId !== partnerId) throw new RuleViolation('webhooks.not-yours', "you may manage only your own partner's webhooks", 'forbidden');
    if (!this.roster.partner(partnerId)) throw new RuleViolation('partner.not-found', `no partner ${partnerId}`, 'not-found');
  }

  private async webhookOf(partnerId: string, webhookId: string): Promise<Webhook> {
    const webhook = await this.store.find(webhookId);
    if (!webhook || webhook.partnerId !== partnerId) throw new RuleViolation('webhook.not-found', `no webhook ${webhookId} for partner ${partnerId}`, 'not-found');
    return webhook;
  }
}
