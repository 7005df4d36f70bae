/**
 * One replay of the outcomes projections from a SQLite file, in its own process so its peak memory is its
 * own: SqliteEventStore.readAll in the runner's batches into OutcomesProjections, then the claims ledger and
 * delivery report built from them. Prints one JSON line.
 */
import { SqliteEventStore } from '@onedoor/event-store';
import { OutcomesProjections, logOf } from '@onedoor/projections';
import { startTimer } from '../timing';

async function main(file: string): Promise<void> {
  const store = new SqliteEventStore({ file, writer: 'inline' });
  const outcomes = new OutcomesProjections();
  const replay = startTimer();
  let events = 0;
  for await (const event of logOf(store, 0, 500)) {
    outcomes.apply(event);
    events += 1;
  }
  const replayMs = replay();
  const report = startTimer();
  const view = outcomes.view('2026-08-01T00:00:00.000Z');
  const [claims] = view.claimsLedger();
  const attained = view.attainments().length;
  view.deliveryAgainstTarget();
  const reportMs = report();
  await store.close();
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ events, replayMs, reportMs, peakRssMiB, attained, claimsPence: claims?.totals.claimsPence ?? 0 })}\n`);
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
