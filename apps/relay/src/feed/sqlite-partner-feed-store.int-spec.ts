import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describePartnerFeedStoreContract } from './partner-feed-store.contract';
import { SqlitePartnerFeedStore } from './sqlite-partner-feed-store';

describePartnerFeedStoreContract('SqlitePartnerFeedStore (a real SQLite file, two connections)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'feed-store-'));
  const a = new SqlitePartnerFeedStore(join(dir, 'feed.sqlite'));
  const b = new SqlitePartnerFeedStore(join(dir, 'feed.sqlite'));
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
