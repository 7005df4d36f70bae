import { join } from 'node:path';
import { Pool } from 'pg';
import type { CliIo } from '../cli-io';
import { progressBar } from '../replay/progress-bar';
import { eventLogPart } from './event-log-part';
import { MigrationPart } from './migration-part';
import { migrateTarget, sourceDirectory } from './migrate-options';
import { STORED_TABLES } from './stored-tables';
import { tablePart } from './table-part';
import { webhookSecretsNotice } from './webhook-secrets-notice';

export interface MigrateOptions {
  from: string;
  to: string;
  schema: string;
}

export class MigrationRefusedError extends Error {
  override name = 'MigrationRefusedError';
}

/**
 * `onedoor migrate`: copies an embedded deployment (its DATA_DIR) into PostgreSQL for the distributed one.
 * Run it with the platform stopped. It refuses a target that already holds anything, copies part by part,
 * then verifies each copy against the source.
 */
export async function migrateCommand(options: MigrateOptions, io: CliIo): Promise<void> {
  const dir = sourceDirectory(options.from);
  const target = migrateTarget(options.to, options.schema);
  const pool = new Pool({ connectionString: target.connectionString, max: 2 });
  pool.on('error', () => undefined);
  const parts: MigrationPart[] = [];
  try {
    parts.push(await eventLogPart(join(dir, 'events.sqlite'), pool, target.schema));
    for (const table of STORED_TABLES) parts.push(await tablePart(table, dir, { pool, ...target }));
    for (const part of parts) {
      const held = await part.targetCount();
      if (held > 0) throw new MigrationRefusedError(`the target schema "${target.schema}" already holds ${held} item(s) of the ${part.name}; migrate copies only into an empty target, so nothing was written`);
    }
    for (const part of parts) {
      const bar = progressBar(`copy ${part.name}`, io.stderr);
      let started = false;
      const copied = await part.copy((done, total) => {
        if (!started) bar.start(total);
        started = true;
        bar.update(done);
      });
      if (started) bar.stop();
      io.stdout.write(`copied ${part.name}: ${copied}\n`);
    }
    for (const part of parts) io.stdout.write(`verified ${part.name}: ${await part.verify()}\n`);
    const secrets = webhookSecretsNotice(dir);
    io.stdout.write(`done: start the platform with EVENT_STORE=postgres DATABASE_URL=<the --to URL> DATABASE_SCHEMA=${target.schema}${secrets ? ` ${secrets.setting}` : ''}\n`);
    if (secrets) io.stdout.write(`webhook secrets: ${secrets.explanation}\n`);
  } finally {
    for (const part of parts) await part.close();
    await pool.end();
  }
}
