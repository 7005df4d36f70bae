import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteWebhookStore } from './sqlite-webhook-store';
import { describeWebhookStoreContract } from './webhook-store.contract';

describeWebhookStoreContract('SqliteWebhookStore (a real SQLite file, two connections)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'webhook-store-'));
  const a = new SqliteWebhookStore(join(dir, 'webhooks.sqlite'));
  const b = new SqliteWebhookStore(join(dir, 'webhooks.sqlite'));
  return {
    a,
    b,
    cleanup: async () => {
      await a.close();
      await b.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
