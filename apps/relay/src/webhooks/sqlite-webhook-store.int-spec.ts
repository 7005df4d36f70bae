import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sqlitePair } from '../testing/store-pairs';
import { SqliteWebhookStore } from './sqlite-webhook-store';
import { describeWebhookStoreContract } from './webhook-store.contract';

describeWebhookStoreContract('SqliteWebhookStore (a real SQLite file, two connections)', async () => sqlitePair('webhooks.sqlite', (file) => new SqliteWebhookStore(file)));

describe('SqliteWebhookStore on a webhooks.sqlite written before claims', () => {
  it('adds the claim columns and keeps the webhooks and their state', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'webhook-store-old-'));
    try {
      const file = join(dir, 'webhooks.sqlite');
      const old = new Database(file);
      old.exec(`CREATE TABLE webhooks (
          webhook_id TEXT PRIMARY KEY, partner_id TEXT NOT NULL, url TEXT NOT NULL, sealed_secret TEXT NOT NULL, created_at TEXT NOT NULL,
          cursor INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at INTEGER NOT NULL DEFAULT 0, last_error TEXT,
          delivered INTEGER NOT NULL DEFAULT 0);
        INSERT INTO webhooks (webhook_id, partner_id, url, sealed_secret, created_at, cursor, delivered) VALUES ('w1', 'jobs', 'https://crm.example.org/in', 's', '2026-03-01', 12, 5);`);
      old.close();
      const store = new SqliteWebhookStore(file);
      try {
        expect(await store.find('w1')).toMatchObject({ cursor: 12, delivered: 5 });
        expect(await store.claim('w1', 'p1', 1000, 500)).toMatchObject({ webhookId: 'w1' });
        expect(await store.delivered('w1', 'p1', 13)).toBe(true);
        expect(await store.find('w1')).toMatchObject({ cursor: 13, delivered: 6 });
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
