/**
 * Crash-test child: appends to a SqliteEventStore as fast as it can, 20 appends in flight, and prints
 * each event id on its own line only once its append is acknowledged. The parent kills it with SIGKILL
 * at an arbitrary moment and checks that every printed id survived.
 *
 * Usage: node -r ts-node/register/transpile-only -r tsconfig-paths/register append-until-killed.ts <file>
 */
import { randomUUID } from 'node:crypto';
import { NewEvent } from '../src/event-store.port';
import { SqliteEventStore } from '../src/sqlite-event-store';

const IN_FLIGHT = 20;
const file = process.argv[2];
if (!file) throw new Error('usage: append-until-killed.ts <database file>');

const store = new SqliteEventStore({ file });
let counter = 0;

async function appendForever(): Promise<void> {
  for (;;) {
    const n = counter++;
    const events: NewEvent[] = Array.from({ length: (n % 3) + 1 }, (_, i) => ({
      id: randomUUID(),
      type: 'crash-test-appended',
      schemaVersion: 1,
      data: { n, i, padding: 'x'.repeat(n % 200) },
    }));
    await store.append(`crash-${n % 37}`, events, 'any');
    // Written only after the acknowledgement; stdout to a pipe is synchronous on Linux.
    process.stdout.write(events.map((e) => e.id).join('\n') + '\n');
  }
}

for (let i = 0; i < IN_FLIGHT; i++) {
  appendForever().catch((error: unknown) => {
    process.stderr.write(`append failed: ${String(error)}\n`);
    process.exit(1);
  });
}
