import type { ClientBase, QueryResult } from 'pg';
import { AppendResult } from './event-store.port';
import { decideAppend } from './append-decision';
import { StoredEventPlace } from './event-id-reuse';
import { AppendOutcome, AppendRequest, EventRow, isRuleError, WrittenGroup } from './append-group';
import { EventSchemaNames } from './postgres-event-schema';
import { InsertColumns, writeRows } from './postgres-event-insert';

/**
 * Writes a group of append requests in a transaction it begins on `client` and leaves open: the caller
 * commits (or rolls back). First it locks the log's head row: every appending transaction does, so from here
 * until COMMIT no one else can write, which makes what it reads next the truth, lets the shared rules
 * (decideAppend) run in JavaScript, and makes the positions it allocates (head + 1 …) gap-free and in commit
 * order. It also makes append conditions (other streams' expected versions) safe: no two transactions can
 * both pass a check on the same stream, as the second reads only after the first committed. A refused request gets its error as its outcome and writes nothing, so no savepoints are needed. Then
 * one statement inserts every row, moves the head, and NOTIFYs the channel (delivered at COMMIT, only if it
 * commits).
 *
 * Four round trips per group however many requests it holds (BEGIN with the lock, the look-ups, the write,
 * COMMIT). The look-ups must be a statement of their own after the lock: under READ COMMITTED a statement reads
 * with the snapshot it started with, which would not show what the previous lock holder committed meanwhile.
 */
export async function appendGroup(client: ClientBase, names: EventSchemaNames, requests: AppendRequest[]): Promise<WrittenGroup> {
  // Simple-query protocol: both statements in one round trip.
  const begun = (await client.query(`BEGIN; SELECT position FROM ${names.head} FOR UPDATE`)) as unknown as Array<QueryResult<{ position: string }>>;
  let head = Number(begun[1].rows[0].position);
  const recordedAt = new Date().toISOString();
  const { streamHeads, places } = await lookUp(
    client,
    names,
    [...new Set(requests.flatMap((r) => [r.stream, ...(r.conditions ?? []).map((c) => c.stream)]))],
    requests.flatMap((r) => r.rows.map((row) => row.id)),
  );

  const inserts = new InsertColumns();
  const outcomes = requests.map((request): AppendOutcome => {
    const { stream, rows, expected, conditions } = request;
    const current = streamHeads.get(stream) ?? { version: 0, position: 0 };
    try {
      // Conditions are judged on the same locked view, including what earlier requests of this group wrote.
      const decision = decideAppend(stream, rows, expected, current.version, (id) => places.get(id), conditions, (other) =>
        streamHeads.get(other)?.version ?? 0,
      );
      if (decision.kind === 'replay') return decision.result;
    } catch (error) {
      if (isRuleError(error)) return error;
      throw error;
    }
    if (rows.length === 0) return current;
    rows.forEach((row, i) => {
      const version = current.version + i + 1;
      head += 1;
      inserts.add(row, stream, version, head, recordedAt);
      // Later requests of the same group see this one as written (a concurrent retry is then a replay).
      places.set(row.id, { stream, version, position: head });
    });
    const written = { version: current.version + rows.length, position: head };
    streamHeads.set(stream, written);
    return { ...written, written: true };
  });

  if (inserts.id.length > 0) await writeRows(client, names, inserts, head);
  return { outcomes, recordedAt };
}

/** The head (version, position of its last event) of each stream, and where each id already sits: one query. */
async function lookUp(client: ClientBase, names: EventSchemaNames, streams: string[], ids: string[]) {
  const { rows } = await client.query<{ id: string | null; stream: string; version: number; position: string }>(
    `(SELECT DISTINCT ON (stream) NULL::text AS id, stream, version, position FROM ${names.events}
       WHERE stream = ANY($1::text[]) ORDER BY stream, version DESC)
     UNION ALL
     SELECT id, stream, version, position FROM ${names.events} WHERE id = ANY($2::text[])`,
    [streams, ids],
  );
  const streamHeads = new Map<string, AppendResult>();
  const places = new Map<string, StoredEventPlace>();
  for (const row of rows) {
    const place = { stream: row.stream, version: row.version, position: Number(row.position) };
    if (row.id === null) streamHeads.set(row.stream, { version: place.version, position: place.position });
    else places.set(row.id, place);
  }
  return { streamHeads, places };
}
