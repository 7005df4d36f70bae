import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from './free-port';

const ROOT = join(__dirname, '..', '..');

/**
 * One OneDoor entry point (an app's main.ts, or a test entry) in a child process, run from the sources with
 * ts-node (transpile only), listening on a port of its own; a suite can kill it -9 and start it again there.
 */
export class ServiceChild {
  private child: ChildProcess | undefined;
  private output = '';
  /** How it ended: the signal that killed it, or its exit code. */
  ended: Promise<{ code: number | null; signal: NodeJS.Signals | null }> | undefined;
  url = '';
  port = 0;

  /** `readyPath`: a GET that answers 2xx once it serves. */
  constructor(readonly entry: string, private readonly env: Record<string, string>, private readonly readyPath = '/health') {}

  /** Picks a free port (unless one was given or it ran before), spawns it and waits until `readyPath` answers. */
  async start(port?: number): Promise<void> {
    this.port = port ?? (this.port || (await freePort()));
    this.url = `http://127.0.0.1:${this.port}`;
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', this.entry], {
      cwd: ROOT,
      env: { ...process.env, LOG_FORMAT: 'json', LOG_LEVEL: 'warn', SEED_DEMO: 'false', HOST: '127.0.0.1', PORT: String(this.port), ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const keep = (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-20_000));
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    this.ended = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    const deadline = Date.now() + 120_000;
    while (!(await fetch(`${this.url}${this.readyPath}`).then((r) => r.ok, () => false))) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${this.entry} exited during start:\n${this.output}`);
      if (Date.now() > deadline) throw new Error(`${this.entry} did not answer within 120 s:\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /** What it printed last (for failure messages). */
  lastOutput(): string {
    return this.output.slice(-3000);
  }

  /** Kills it -9 if it still runs, and waits until it is gone. */
  async stop(): Promise<void> {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGKILL');
      await this.ended;
    }
  }
}
