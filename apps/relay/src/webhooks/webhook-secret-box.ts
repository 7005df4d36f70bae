import type { OnedoorConfig } from '@onedoor/platform';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Keeps webhook signing secrets sealed (AES-256-GCM) in the webhook store, under a key of its own: WEBHOOK_SECRETS_KEY
 * when set (every instance sharing a PostgreSQL store needs the same one), else `webhook-secrets.key` in the data
 * directory (readable by the owner only). A copy of the database alone gives no secret away; the secrets never
 * enter the event log or the logs.
 */
export class WebhookSecretBox {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('the webhook secrets key must be 32 bytes');
  }

  static fromConfig(config: OnedoorConfig): WebhookSecretBox {
    if (config.WEBHOOK_SECRETS_KEY) return new WebhookSecretBox(Buffer.from(config.WEBHOOK_SECRETS_KEY, 'base64'));
    return WebhookSecretBox.fromFile(join(config.DATA_DIR, 'webhook-secrets.key'));
  }

  /** The key in `keyFile`, made there first when absent. */
  static fromFile(keyFile: string): WebhookSecretBox {
    if (!existsSync(keyFile)) writeFileSync(keyFile, randomBytes(32).toString('base64'), { mode: 0o600 });
    const key = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`${keyFile} does not hold a 32-byte key`);
    return new WebhookSecretBox(key);
  }

  seal(secret: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return [iv, cipher.getAuthTag(), sealed].map((b) => b.toString('base64')).join('.');
  }

  open(sealed: string): string {
    const [iv, tag, data] = sealed.split('.').map((part) => Buffer.from(part, 'base64'));
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
  }
}
