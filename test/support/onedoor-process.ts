/**
 * The all-in-one app as apps/onedoor/src/main.ts runs it, for suites that need a real process to die.
 * With ONEDOOR_TEST_DIE_BEFORE_ANSWER_SAVED=1 it kills itself -9 at the moment it would store the first
 * answer to a request that carried an Idempotency-Key: the request's events have committed (the executor
 * waited for the commit), the answer is not in the store (requests.sqlite, or its PostgreSQL table). The switch lives only in this test entry
 * point; nothing in the app reads it.
 *
 * ONEDOOR_TEST_SWITCH_OFF (comma-separated) switches guards off, to see a race test fail without them
 * (switched-off-checks.ts says which).
 */
import { PostgresIdempotencyStore, SqliteIdempotencyStore, loadConfig } from '@onedoor/platform';
import { createOnedoorApp } from '../../apps/onedoor/src/create-app';
import { switchOffChecks } from './switched-off-checks';

if (process.env.ONEDOOR_TEST_DIE_BEFORE_ANSWER_SAVED === '1') {
  const die = async () => {
    process.kill(process.pid, 'SIGKILL');
  };
  SqliteIdempotencyStore.prototype.save = die;
  PostgresIdempotencyStore.prototype.save = die;
}

switchOffChecks();

(async () => {
  const config = loadConfig();
  const app = await createOnedoorApp(config);
  await app.listen(config.PORT, config.HOST);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
