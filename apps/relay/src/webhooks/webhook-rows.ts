import type { DeadLetter, Webhook } from './webhook-store';

/** Rows as both stores read them; PostgreSQL's bigints arrive as text, hence Number(). */
export interface WebhookRow {
  webhook_id: string; partner_id: string; url: string; sealed_secret: string; created_at: string; cursor: number | string; attempts: number;
  next_attempt_at: number | string; last_error: string | null; delivered: number | string;
}

export interface DeadLetterRow {
  dead_letter_id: number | string; webhook_id: string; partner_id: string; seq: number | string; position: number | string; event_id: string; type: string;
  attempts: number; last_error: string; dead_at: string; replay: number | boolean; next_attempt_at: number | string;
}

export const toWebhook = (r: WebhookRow): Webhook => ({
  webhookId: r.webhook_id, partnerId: r.partner_id, url: r.url, sealedSecret: r.sealed_secret, createdAt: r.created_at, cursor: Number(r.cursor),
  attempts: r.attempts, nextAttemptAt: Number(r.next_attempt_at), lastError: r.last_error, delivered: Number(r.delivered),
});

export const toDeadLetter = (r: DeadLetterRow): DeadLetter => ({
  deadLetterId: Number(r.dead_letter_id), webhookId: r.webhook_id, partnerId: r.partner_id, seq: Number(r.seq), position: Number(r.position), eventId: r.event_id,
  type: r.type, attempts: r.attempts, lastError: r.last_error, deadAt: r.dead_at, replay: r.replay === 1 || r.replay === true, nextAttemptAt: Number(r.next_attempt_at),
});
