import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-onedoor-signature';
export const TIMESTAMP_HEADER = 'x-onedoor-timestamp';

/**
 * `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">` with the webhook's secret. The timestamp (Unix seconds) is
 * signed too, so a receiver can refuse old replays of a captured delivery.
 */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** What a receiver does: recompute and compare in constant time. Used by the tests as a partner would. */
export function verifyWebhookSignature(secret: string, timestamp: string, body: string, signature: string): boolean {
  const expected = Buffer.from(webhookSignature(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
