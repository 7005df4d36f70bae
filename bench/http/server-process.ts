import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CommitStats, ParentMessage, ServerMessage } from './server-messages';

const REPO_ROOT = join(__dirname, '..', '..');
export const CREATE_APP_FILE = join(REPO_ROOT, 'apps', 'onedoor', 'src', 'create-app.ts');
const SERVE_FILE = join(__dirname, 'serve.ts');
const BOOT_TIMEOUT_MS = 180_000;

/** The app running in a child process of its own, so the load generator never shares its event loop. */
export class ServerProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    /** From the child's own clock: ms from its start until its code was loaded, and until the app was initialised. */
    readonly startup: { loadedMs: number; initialisedMs: number },
  ) {}

  static appExists(): boolean {
    return existsSync(CREATE_APP_FILE);
  }

  /** `bootTimeoutMs`: how long the app may take to listen (a start on a big log replays it first); `env`: more settings. */
  static async start(dataDir: string, bootTimeoutMs = BOOT_TIMEOUT_MS, env: Record<string, string> = {}): Promise<ServerProcess> {
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', SERVE_FILE], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', LOG_FORMAT: 'json', ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const { url, loadedMs, initialisedMs } = (await nextMessage(child, bootTimeoutMs, 'listening')) as Extract<ServerMessage, { type: 'listening' }>;
    return new ServerProcess(child, url, { loadedMs, initialisedMs });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  async startProfile(): Promise<void> {
    this.send({ type: 'profile-start' });
    await nextMessage(this.child, 10_000, 'profile-started');
  }

  async stopProfile(file: string): Promise<void> {
    this.send({ type: 'profile-stop', file });
    await nextMessage(this.child, 60_000, 'profile-written');
  }

  /** Group commits and appends the server's event store has made so far; durations from commit `since` on. */
  async commitStats(since?: number): Promise<CommitStats> {
    this.send({ type: 'commit-stats', since });
    const { commits, appends, commitMs, cpuMs, mainThreadBusyMs } = (await nextMessage(this.child, 10_000, 'commit-stats')) as CommitStats;
    return { commits, appends, commitMs, cpuMs, mainThreadBusyMs };
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.send({ type: 'stop' });
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }

  private send(message: ParentMessage): void {
    this.child.send(message);
  }
}

function nextMessage(child: ChildProcess, timeoutMs: number, wanted: ServerMessage['type']): Promise<ServerMessage> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error, message?: ServerMessage) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(message!);
    };
    const onMessage = (message: ServerMessage) => {
      if (message.type === wanted) done(undefined, message);
      else if (message.type === 'failed') done(new Error(`bench server failed:\n${message.error}`));
    };
    const onExit = (code: number | null, signal: string | null) =>
      done(new Error(`bench server exited (code ${code}, signal ${signal}) while waiting for '${wanted}'`));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      done(new Error(`bench server sent no '${wanted}' within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}
