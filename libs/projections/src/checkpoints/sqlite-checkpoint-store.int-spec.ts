import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkpointStoreContract } from './checkpoint-store.contract';
import { SqliteCheckpointStore } from './sqlite-checkpoint-store';

const dir = mkdtempSync(join(tmpdir(), 'onedoor-checkpoint-store-'));
let run = 0;
let file = '';
beforeEach(() => (file = join(dir, `read-models-${++run}.sqlite`)));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

checkpointStoreContract('SQLite', async () => new SqliteCheckpointStore(file));
