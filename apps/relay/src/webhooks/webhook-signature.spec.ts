import { createHmac } from 'node:crypto';
import { verifyWebhookSignature, webhookSignature } from './webhook-signature';

describe('webhook signatures', () => {
  const secret = 'b7f1c2d9e4a85f3061c7d2e9a4b8f5c1';
  it('is the hex HMAC-SHA256 of "<timestamp>.<body>"', () => {
    const expected = createHmac('sha256', secret).update('1767225600.{"a":1}').digest('hex');
    expect(webhookSignature(secret, '1767225600', '{"a":1}')).toBe(`sha256=${expected}`);
  });
  it('verifies only the same secret, timestamp and body', () => {
    const signature = webhookSignature(secret, '1767225600', '{"a":1}');
    expect(verifyWebhookSignature(secret, '1767225600', '{"a":1}', signature)).toBe(true);
    expect(verifyWebhookSignature(secret, '1767225601', '{"a":1}', signature)).toBe(false);
    expect(verifyWebhookSignature(secret, '1767225600', '{"a":2}', signature)).toBe(false);
    expect(verifyWebhookSignature(`${secret}x`, '1767225600', '{"a":1}', signature)).toBe(false);
    expect(verifyWebhookSignature(secret, '1767225600', '{"a":1}', 'sha256=00')).toBe(false);
  });
});
