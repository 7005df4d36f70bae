import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from './free-port';

const ROOT = join(__dirname, '..', '..');

/** The all-in-one app in a child process (test/support/onedoor-process.ts), on a given data directory. */
export class OnedoorChild {
  private child: ChildProcess | undefined;
  private output = '';
  /** How it ended: the signal that killed it, or its exit code. */
  ended: Promise<{ code: number | null; signal: NodeJS.Signals | null }> | undefined;
  url = '';

  constructor(private readonly env: Record<string, string>) {}

  /** Spawns it and waits until GET /health answers. */
  async start(): Promise<void> {
    const port = await freePort();
    this.url = `http://127.0.0.1:${port}`;
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'test/support/onedoor-process.ts'], {
      cwd: ROOT,
      env: { ...process.env, LOG_FORMAT: 'json', LOG_LEVEL: 'warn', SEED_DEMO: 'false', HOST: '127.0.0.1', PORT: String(port), ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const keep = (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-20_000));
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    this.ended = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    const deadline = Date.now() + 90_000;
    while (!(await fetch(`${this.url}/health`).then((r) => r.ok, () => false))) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the app exited during start:\n${this.output}`);
      if (Date.now() > deadline) throw new Error(`the app did not answer within 90 s:\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /** What it printed last (for failure messages). */
  lastOutput(): string {
    return this.output.slice(-3000);
  }

  /** Cleanup: kills it -9 if it still runs. */
  async stop(): Promise<void> {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGKILL');
      await this.ended;
    }
  }
}
