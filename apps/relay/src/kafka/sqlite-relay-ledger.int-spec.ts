import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeRelayLedgerContract } from './relay-ledger.contract';
import { SqliteRelayLedger } from './sqlite-relay-ledger';

describeRelayLedgerContract('SqliteRelayLedger (a real SQLite file, two connections)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'relay-ledger-'));
  const a = new SqliteRelayLedger(join(dir, 'relay.sqlite'));
  const b = new SqliteRelayLedger(join(dir, 'relay.sqlite'));
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
