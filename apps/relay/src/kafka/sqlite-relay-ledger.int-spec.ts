import { sqlitePair } from '../testing/store-pairs';
import { describeRelayLedgerContract } from './relay-ledger.contract';
import { SqliteRelayLedger } from './sqlite-relay-ledger';

describeRelayLedgerContract('SqliteRelayLedger (a real SQLite file, two connections)', async () => sqlitePair('relay.sqlite', (file) => new SqliteRelayLedger(file)));
