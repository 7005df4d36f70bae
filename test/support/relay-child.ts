import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from './free-port';

const ROOT = join(__dirname, '..', '..');

/** What GET /health/relay answers (the fields the suites look at). */
export interface RelayHealth {
  role: string;
  instanceId: string;
  leaseHolder: string | null;
  checkpoint: number;
  lag: number;
  brokerReachable: boolean | null;
}

/** A standalone relay process (test/support/relay-process.ts or another entry) that a suite can kill -9. */
export class RelayChild {
  private child: ChildProcess | undefined;
  private exited: Promise<void> | undefined;
  private output = '';

  /** `entry`: the process's entry point, relay-process.ts (the log as EVENT_STORE says) unless given. */
  constructor(readonly name: string, private readonly env: Record<string, string>, private readonly entry = 'test/support/relay-process.ts') {}

  /** Spawns it and waits until its health endpoint answers. */
  async start(): Promise<void> {
    const port = await freePort();
    this.child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', this.entry], {
      cwd: ROOT,
      env: { ...process.env, LOG_FORMAT: 'json', LOG_LEVEL: 'log', HOST: '127.0.0.1', PORT: String(port), RELAY_TEST_NAME: this.name, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-20_000));
    this.child.stdout!.on('data', keep);
    this.child.stderr!.on('data', keep);
    const child = this.child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    this.url = `http://127.0.0.1:${port}/health/relay`;
    const deadline = Date.now() + 90_000;
    while (!(await this.health().catch(() => undefined))) {
      if (child.exitCode !== null) throw new Error(`relay ${this.name} exited during start:\n${this.output}`);
      if (Date.now() > deadline) throw new Error(`relay ${this.name} did not answer within 90 s:\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  private url = '';

  async health(): Promise<RelayHealth> {
    const response = await fetch(this.url);
    const body = (await response.json()) as RelayHealth & { details?: RelayHealth };
    return body.details ?? body;
  }

  /** Waits until its health answer satisfies `predicate` (bounded). */
  async waitFor(predicate: (health: RelayHealth) => boolean, timeoutMs = 60_000): Promise<RelayHealth> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const health = await this.health().catch(() => undefined);
      if (health && predicate(health)) return health;
      if (Date.now() > deadline) throw new Error(`relay ${this.name}: condition not met within ${timeoutMs} ms; last health ${JSON.stringify(health)}\n${this.output.slice(-3000)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** kill -9, and wait until the process is gone. */
  async kill(): Promise<void> {
    this.child?.kill('SIGKILL');
    await this.exited;
  }

  /** Cleanup: kills it if it still runs. */
  async stop(): Promise<void> {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) await this.kill();
  }
}
