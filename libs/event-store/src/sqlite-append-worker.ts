/**
 * The writer thread of a SqliteEventStore (writer: 'worker'): owns a connection of its own to the store
 * file and runs SqliteAppendWriter there, so the transaction, its fsync and any WAL checkpoint never hold
 * the main thread's event loop. Started by SqliteWorkerWriter; see sqlite-append-protocol for the messages.
 * The main thread has created the table before starting this thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SqliteAppendWriter } from './sqlite-append-writer';
import { openEventDatabase, readConnectionSettings } from './sqlite-connection';
import { prepareEventStatements } from './sqlite-event-table';
import { FromWriter, serialiseError, serialiseOutcome, ToWriter, WriterThreadData } from './sqlite-append-protocol';

const port = parentPort;
if (!port) throw new Error('sqlite-append-worker runs only as a worker thread started by SqliteEventStore');

const { file, synchronous } = (workerData as WriterThreadData).options;
const db = openEventDatabase(file, synchronous);
const writer = new SqliteAppendWriter(db, prepareEventStatements(db));
const send = (message: FromWriter) => port.postMessage(message);

send({ type: 'ready', settings: readConnectionSettings(db) });

port.on('message', (message: ToWriter) => {
  if (message.type === 'close') {
    db.close();
    send({ type: 'closed' });
    port.close(); // nothing else keeps the thread alive: it ends
    return;
  }
  let reply: FromWriter;
  try {
    const { outcomes, recordedAt } = writer.writeGroup(message.requests);
    reply = { type: 'written', id: message.id, outcomes: outcomes.map(serialiseOutcome), recordedAt };
  } catch (error) {
    reply = { type: 'failed', id: message.id, error: serialiseError(error) };
  }
  send(reply);
});
