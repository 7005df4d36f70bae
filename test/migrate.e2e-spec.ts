import { join } from 'node:path';
import { Pool } from 'pg';
import { SqliteEventLogReader } from '@onedoor/event-store';
import { dropSchema, freshSchemaName, testDatabaseConfig } from '@onedoor/event-store/testing/postgres-test-schema';
import { seededDemoDataDir } from './support/demo-data-dir';
import { runCliCapturing } from './support/run-cli';

const config = testDatabaseConfig();
const url = `postgres://${config.user}@${config.host}:${config.port}/${config.database}`;

/** `onedoor migrate` over a data directory the platform wrote (the demo consortium), into a fresh PostgreSQL schema. */
describe('onedoor migrate: the embedded data directory into PostgreSQL', () => {
  const demoDir = seededDemoDataDir();
  let schema: string;
  let pool: Pool;
  beforeEach(() => {
    schema = freshSchemaName();
    pool = new Pool(testDatabaseConfig({ max: 1 }));
  });
  afterEach(async () => {
    await pool.end();
    await dropSchema(schema);
  });

  const migrate = (...extra: string[]) => runCliCapturing(demoDir(), 'migrate', '--from', `sqlite:${demoDir()}`, '--to', url, '--schema', schema, ...extra);
  const copied = async () => (await pool.query(`SELECT id, stream, version, position, type FROM ${schema}.events ORDER BY position`)).rows.map((r) => ({ ...r, position: Number(r.position) }));

  it('copies the log keeping every id, stream, version and position, verifies it, and says how to start on it', async () => {
    const run = await migrate();
    expect(run.code).toBe(0);
    const reader = new SqliteEventLogReader(join(demoDir(), 'events.sqlite'));
    const source = [...reader.batches(0, 10_000)].flat().map(({ id, stream, version, position, type }) => ({ id, stream, version, position, type }));
    reader.close();
    expect(source.length).toBeGreaterThan(40);
    expect(await copied()).toEqual(source);
    expect(run.stdout).toContain(`copied event log: ${source.length}\n`);
    expect(run.stdout).toMatch(new RegExp(`verified event log: ${source.length} events, positions 1–${source.length}, sha256 [0-9a-f]{16}…`));
    expect(run.stdout).toContain(`DATABASE_SCHEMA=${schema}`);
  });

  it('refuses a target that already holds events and writes nothing to it', async () => {
    expect((await migrate()).code).toBe(0);
    const before = await copied();
    const again = await migrate();
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`error: the target schema "${schema}" already holds ${before.length} item(s) of the event log; migrate copies only into an empty target, so nothing was written`);
    expect(await copied()).toEqual(before);
  });

  it('names the option and the rule for a bad source, target or schema, and touches no database', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['migrate', '--from', demoDir(), '--to', url], /--from must look like sqlite:<data directory>/],
      [['migrate', '--from', 'sqlite:/no/such/dir', '--to', url], /--from: \/no\/such\/dir is not a directory/],
      [['migrate', '--from', `sqlite:${join(demoDir(), '..')}`, '--to', url], /holds no events\.sqlite/],
      [['migrate', '--from', `sqlite:${demoDir()}`, '--to', 'mysql://x@y/z'], /--to must be a postgres:\/\/ or postgresql:\/\/ URL/],
      [['migrate', '--from', `sqlite:${demoDir()}`, '--to', url, '--schema', 'Public; drop'], /--schema must be 1 to 63 lower-case letters/],
      [['migrate', '--to', url], /required option '--from <sqlite:dir>' not specified/],
    ];
    for (const [argv, message] of cases) {
      const run = await runCliCapturing(demoDir(), ...argv);
      expect({ argv, code: run.code }).toEqual({ argv, code: 2 });
      expect(run.stderr).toMatch(message);
    }
    const { rows } = await pool.query('SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [schema]);
    expect(rows).toEqual([]);
  });
});
