import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from './sqlite-event-store';
import { newEvent, range, readWholeLog } from './contract/contract-fixtures';

const repoRoot = join(__dirname, '..', '..', '..');
const child = join(__dirname, '..', 'test-support', 'append-until-killed.ts');
const ACKS_BEFORE_KILL = 500;
const ROUNDS = 3;

/** Runs the appending child until it has acknowledged enough ids, then SIGKILLs it; returns those ids. */
function appendThenKill(file: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const proc = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', child, file],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let buffered = '';
    let stderr = '';
    const acked: string[] = [];
    proc.stdout.setEncoding('utf8');
    proc.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? ''; // a torn last line is not an acknowledgement yet
      acked.push(...lines.filter(Boolean));
      if (acked.length >= ACKS_BEFORE_KILL && !proc.killed) proc.kill('SIGKILL');
    });
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`child exited early (code ${code}): ${stderr}`));
    });
  });
}

describe('SqliteEventStore survives kill -9', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'onedoor-crash-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged append, gap-free, and accepts new ones after each crash', async () => {
    const file = join(dir, 'events.sqlite');
    const everAcked: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      everAcked.push(...(await appendThenKill(file)));

      const store = new SqliteEventStore({ file });
      try {
        const log = await readWholeLog(store);
        const stored = new Set(log.map((e) => e.id));
        expect(everAcked.filter((id) => !stored.has(id))).toEqual([]);
        expect(log.map((e) => e.position)).toEqual(range(1, log.length));
        const result = await store.append(`after-crash-${round}`, [newEvent()], 'no-stream');
        expect(result).toEqual({ version: 1, position: log.length + 1 });
      } finally {
        await store.close();
      }
    }
  }, 60_000);
});
