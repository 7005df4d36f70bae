import { loadConfig } from '@onedoor/platform';
import { WebhookSecretBox } from './webhook-secret-box';

describe('WebhookSecretBox with WEBHOOK_SECRETS_KEY', () => {
  const key = Buffer.alloc(32, 3).toString('base64');
  const secret = '9f86d081884c7d659a2feaa0c55ad015';

  it('opens on one instance what another sealed with the same configured key, and nothing with another key', () => {
    const sealed = WebhookSecretBox.fromConfig(loadConfig({ WEBHOOK_SECRETS_KEY: key, DATA_DIR: '/nonexistent/a' })).seal(secret);
    expect(sealed).not.toContain(secret);
    expect(WebhookSecretBox.fromConfig(loadConfig({ WEBHOOK_SECRETS_KEY: key, DATA_DIR: '/nonexistent/b' })).open(sealed)).toBe(secret);
    expect(() => new WebhookSecretBox(Buffer.alloc(32, 4)).open(sealed)).toThrow();
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => new WebhookSecretBox(Buffer.alloc(16))).toThrow('the webhook secrets key must be 32 bytes');
  });
});
