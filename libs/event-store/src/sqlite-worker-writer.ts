import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { EventStoreClosedError } from './event-store.errors';
import { AppendRequest, WrittenGroup } from './sqlite-append-writer';
import { ConnectionSettings } from './sqlite-connection';
import {
  deserialiseError,
  deserialiseOutcome,
  FromWriter,
  ToWriter,
  WriterThreadData,
  WriterThreadOptions,
} from './sqlite-append-protocol';

interface PendingWrite {
  resolve(group: WrittenGroup): void;
  reject(error: Error): void;
}

/** How long close() lets the thread finish its last transaction and close its connection before killing it. */
const CLOSE_TIMEOUT_MS = 30_000;

/**
 * The main thread's handle on the writer thread (sqlite-append-worker): posts groups of append requests,
 * resolves each with its outcomes once the thread has committed them, and turns a dying thread into
 * rejections rather than a hang. The thread keeps the process alive only while a write or the close is
 * outstanding, as the inline writer (which holds no handle at all) would.
 */
export class SqliteWorkerWriter {
  /** The writer connection's settings, once it is open; rejects if the thread could not start. */
  readonly ready: Promise<ConnectionSettings>;
  private readonly worker: Worker;
  private readonly pending = new Map<number, PendingWrite>();
  private readonly exited: Promise<void>;
  private nextId = 1;
  private settleReady!: { resolve(settings: ConnectionSettings): void; reject(error: Error): void };
  /** Why writes are refused, once they are. */
  private stopped: Error | undefined;
  private closeRequested = false;
  private hasExited = false;
  private isReady = false;
  private closing: Promise<void> | undefined;
  private threadError: Error | undefined;

  /** `onDied` is told, once, if the thread ends without having been asked to. */
  constructor(
    options: WriterThreadOptions,
    private readonly onDied: (error: EventStoreClosedError) => void,
  ) {
    this.ready = new Promise((resolve, reject) => (this.settleReady = { resolve, reject }));
    this.ready.catch(() => undefined); // also reported through write() and onDied; not unhandled
    this.worker = startWriterThread(options);
    this.worker.unref();
    this.worker.on('message', (message: FromWriter) => this.receive(message));
    this.worker.on('error', (error) => (this.threadError ??= error));
    this.worker.on('messageerror', (error) => {
      // An answer that cannot be read would leave its appends waiting forever: give up on the thread.
      this.threadError ??= error;
      void this.worker.terminate();
    });
    this.exited = new Promise((resolve) =>
      this.worker.once('exit', (code) => {
        this.threadEnded(code);
        resolve();
      }),
    );
  }

  /** Writes the group in one transaction on the writer thread; rejects the whole group if storage fails. */
  write(requests: AppendRequest[]): Promise<WrittenGroup> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    return new Promise<WrittenGroup>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      if (this.pending.size === 1) this.worker.ref();
      // Only the data: callers' requests may carry more (the store's carry their promise callbacks).
      const data = requests.map(
        ({ stream, rows, expected, conditions }): AppendRequest =>
          conditions?.length ? { stream, rows, expected, conditions } : { stream, rows, expected },
      );
      this.post({ type: 'write', id, requests: data });
    });
  }

  /** Lets writes already posted finish, closes the thread's connection and ends the thread. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.stopped ??= new EventStoreClosedError();
      if (this.hasExited) return;
      this.closeRequested = true;
      this.worker.ref();
      this.post({ type: 'close' });
      const timer = setTimeout(() => void this.worker.terminate(), CLOSE_TIMEOUT_MS);
      try {
        await this.exited;
      } finally {
        clearTimeout(timer);
      }
    })();
    return this.closing;
  }

  private post(message: ToWriter): void {
    this.worker.postMessage(message);
  }

  private receive(message: FromWriter): void {
    switch (message.type) {
      case 'ready':
        this.isReady = true;
        this.settleReady.resolve(message.settings);
        return;
      case 'written':
        this.take(message.id)?.resolve({ outcomes: message.outcomes.map(deserialiseOutcome), recordedAt: message.recordedAt });
        return;
      case 'failed':
        this.take(message.id)?.reject(deserialiseError(message.error));
        return;
      case 'closed':
        return; // the thread ends next
    }
  }

  private take(id: number): PendingWrite | undefined {
    const write = this.pending.get(id);
    this.pending.delete(id);
    if (this.pending.size === 0 && !this.closeRequested) this.worker.unref();
    return write;
  }

  private threadEnded(exitCode: number): void {
    this.hasExited = true;
    const cause = this.threadError;
    const reason =
      `its writer thread stopped${this.closeRequested ? ' while closing' : ' unexpectedly'} ` +
      `(exit code ${exitCode}${cause ? `: ${cause.message}` : ''})`;
    const failure = new EventStoreClosedError(reason, { cause });
    this.settleReady.reject(failure);
    const outcome = this.isReady
      ? 'this append may or may not have been committed (retrying it with the same event ids is safe)'
      : 'it never opened the database, so this append was not written';
    for (const write of this.pending.values()) write.reject(new EventStoreClosedError(`${reason}; ${outcome}`, { cause }));
    this.pending.clear();
    if (!this.closeRequested) {
      this.stopped = failure;
      this.onDied(failure);
    }
  }
}

const WRITER_THREAD_ENTRY = 'sqlite-append-worker';

/**
 * In a build the thread runs the compiled `sqlite-append-worker.js` next to this file. When this file was
 * loaded from its TypeScript source (jest, ts-node) the thread cannot use the caller's loader (a thread
 * does not inherit jest's transform or ts-node's hook), so this thread transpiles the entry and what it
 * imports from this library once per process, and the thread's small bootstrap serves them to `require`.
 * Unlike starting the thread under ts-node (~350 ms to load TypeScript in every thread), that keeps the
 * start at ~40 ms, which matters where many stores are opened (the contract suite opens one per test).
 */
function startWriterThread(options: WriterThreadOptions): Worker {
  const name = 'event-store-writer';
  if (!__filename.endsWith('.ts')) {
    const workerData: WriterThreadData = { options };
    return new Worker(join(__dirname, `${WRITER_THREAD_ENTRY}.js`), { workerData, name });
  }
  const entry = join(__dirname, `${WRITER_THREAD_ENTRY}.ts`);
  const workerData: WriterThreadData = { options, sources: transpiledWriterSources(entry) };
  // No inherited `-r ts-node/register` and the like: the bootstrap is all the thread needs.
  return new Worker(FROM_SOURCE_BOOTSTRAP, { eval: true, workerData: { ...workerData, entry }, execArgv: [], name });
}

/** Runs in the thread: `.ts` files come from workerData.sources; everything else loads as usual. */
const FROM_SOURCE_BOOTSTRAP = `
  const { workerData } = require('node:worker_threads');
  require.extensions['.ts'] = (module, filename) => {
    const code = workerData.sources[filename];
    if (code === undefined) throw new Error('the event store writer thread has no transpiled source for ' + filename);
    module._compile(code, filename);
  };
  require(workerData.entry);
`;

let transpiled: Record<string, string> | undefined;

/** The entry and every file it reaches by relative import, as CommonJS; computed once per process. */
function transpiledWriterSources(entry: string): Record<string, string> {
  if (transpiled) return transpiled;
  // Node's own require: under jest this finds the TypeScript that ts-jest has already loaded.
  const ts = createRequire(__filename)('typescript') as typeof import('typescript');
  const compilerOptions = {
    module: ts.ModuleKind.CommonJS,
    target: ts.ScriptTarget.ES2022,
    esModuleInterop: true,
  };
  const sources: Record<string, string> = {};
  const pending = [entry];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (file in sources) continue;
    const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), { fileName: file, compilerOptions });
    sources[file] = outputText;
    for (const [, specifier] of outputText.matchAll(/require\("(\.\.?\/[^"]+)"\)/g)) {
      pending.push(`${resolve(dirname(file), specifier)}.ts`);
    }
  }
  return (transpiled = sources);
}
