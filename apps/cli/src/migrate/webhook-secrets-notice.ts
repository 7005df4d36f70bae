import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { WebhookSecretBox } from '@onedoor/relay-stores';

/** What `migrate` tells the operator about the key the copied webhook secrets are sealed with. */
export interface WebhookSecretsNotice {
  /** The setting to add to the start command. */
  setting: string;
  /** Why, in a sentence; never the key itself. */
  explanation: string;
}

/** A path as one shell word: plain paths as they are, others single-quoted. */
function shellWord(path: string): string {
  return /^[\w./+@:=-]+$/.test(path) ? path : `'${path.replaceAll("'", `'\\''`)}'`;
}

function sealedSecrets(dataDir: string): string[] {
  const file = join(dataDir, 'webhooks.sqlite');
  if (!existsSync(file)) return [];
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    if (!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'webhooks'`).get()) return [];
    return (db.prepare('SELECT sealed_secret FROM webhooks').all() as { sealed_secret: string }[]).map((r) => r.sealed_secret);
  } finally {
    db.close();
  }
}

/** True when the key file exists and opens every sealed secret (AES-GCM: a wrong key fails, it does not read garbage). */
function opensAll(keyFile: string, sealed: string[]): boolean {
  if (!existsSync(keyFile)) return false;
  try {
    const box = WebhookSecretBox.fromFile(keyFile);
    for (const secret of sealed) box.open(secret);
    return true;
  } catch {
    return false;
  }
}

/**
 * The embedded deployment sealed its webhooks' signing secrets with WEBHOOK_SECRETS_KEY if it was set, else with the
 * key it wrote to DATA_DIR/webhook-secrets.key (base64 text, as WEBHOOK_SECRETS_KEY takes it). The PostgreSQL
 * deployment has no shared data directory, so every instance needs that key as WEBHOOK_SECRETS_KEY; which of the two
 * it was is found by opening the copied secrets with the file's key. Undefined when no webhook was copied.
 */
export function webhookSecretsNotice(dataDir: string): WebhookSecretsNotice | undefined {
  const sealed = sealedSecrets(dataDir);
  if (sealed.length === 0) return undefined;
  const keyFile = resolve(dataDir, 'webhook-secrets.key');
  const count = `the ${sealed.length} copied webhook signing secret(s)`;
  if (opensAll(keyFile, sealed)) {
    return {
      setting: `WEBHOOK_SECRETS_KEY="$(cat ${shellWord(keyFile)})"`,
      explanation: `${count} are sealed with the key in ${keyFile}: every instance must run with WEBHOOK_SECRETS_KEY set to that file's contents (keep the file; the key is not printed)`,
    };
  }
  return {
    setting: 'WEBHOOK_SECRETS_KEY=<the WEBHOOK_SECRETS_KEY the embedded deployment ran with>',
    explanation: `${count} are not sealed with ${existsSync(keyFile) ? `the key in ${keyFile}` : 'a key file in the data directory'}, so the embedded deployment ran with WEBHOOK_SECRETS_KEY set: every instance must run with that same value`,
  };
}
