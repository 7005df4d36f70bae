import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { SqliteEventStore } from '@onedoor/event-store';
import { ERASED } from '@onedoor/personal-data';
import { ConsortiumRoster } from '../consortium-roster';
import { DirectoryProjection } from '../directory/directory-projection';
import { InMemoryDirectoryReadModel } from '../directory/in-memory-directory-read-model';
import { OutcomesProjections } from '../outcomes/outcomes-projections';
import { PartnerResponsiveness } from '../partner-responsiveness';
import { PersonRegister } from '../person-register';
import { SnapshottedProjection } from '../projection';
import { ProjectionRunner } from '../projection-runner';
import { ReferralBook } from '../referral-book';
import { ServiceCatalogue } from '../service-catalogue';
import { ServiceLoad } from '../service-load';
import { busyMonth, day } from '../testing/busy-month';
import { CountingEventStore, copyLog } from '../testing/counting-event-store';
import { plainState } from '../testing/plain-state';
import { Scenario, front } from '../testing/scenario';
import { ReadModelCheckpoints } from './read-model-checkpoints';
import { SqliteCheckpointStore } from './sqlite-checkpoint-store';

class BumpedPersonRegister extends PersonRegister {
  override readonly snapshotVersion = 2;
}

const readModels = (s: Scenario, register = new PersonRegister(s.vault)): SnapshottedProjection[] => [
  new ConsortiumRoster(),
  new ServiceCatalogue(),
  register,
  new ReferralBook(s.vault),
  new DirectoryProjection(new InMemoryDirectoryReadModel()),
  new ServiceLoad(),
  new PartnerResponsiveness(),
  new OutcomesProjections(),
];

const quiet = { log: () => undefined, warn: () => undefined };

/** The platform's read models over a real SQLite log and a real checkpoint file, restarted the way a process is. */
describe('read-model checkpoints over real SQLite files', () => {
  let dir: string;
  let s: Scenario;
  let log: SqliteEventStore;
  let checkpointFile: string;
  const open: { stop(): Promise<void> }[] = [];

  /** One process start: a new store handle and runner over the same files; resolves once caught up. */
  async function start(options: { projections?: SnapshottedProjection[]; everyEvents?: number; everyMs?: number; logFile?: string } = {}) {
    const counted = new CountingEventStore(options.logFile ? new SqliteEventStore({ file: options.logFile }) : log);
    const checkpoints = new SqliteCheckpointStore(checkpointFile);
    const projections = options.projections ?? readModels(s);
    const runner = new ProjectionRunner(counted, projections, {
      checkpoints: new ReadModelCheckpoints(checkpoints, 'platform', { everyEvents: options.everyEvents ?? 1_000, everyMs: options.everyMs ?? 600_000 }, quiet),
    });
    const resume = await runner.resume();
    const process = {
      runner, counted, projections, resume, checkpoints,
      stop: async () => {
        await runner.stop();
        await checkpoints.close();
        if (options.logFile) await counted.close();
      },
    };
    open.push(process);
    return process;
  }

  /** The same read models rebuilt from the whole log, for comparison. */
  async function fullRebuild() {
    const projections = readModels(s);
    const runner = new ProjectionRunner(log, projections);
    runner.start(0);
    await runner.waitFor(await log.headPosition());
    await runner.stop();
    return projections;
  }

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'onedoor-checkpoints-'));
    checkpointFile = join(dir, 'read-models.sqlite');
    log = new SqliteEventStore({ file: join(dir, 'events.sqlite'), synchronous: 'NORMAL', writer: 'inline' });
    s = new Scenario();
    await busyMonth(s);
    await s.register('p-sam', { givenName: 'Sam', familyName: 'Patel', dateOfBirth: '1992-02-17' }, front, day(6));
    await copyLog(s.store, log);
  });
  afterEach(async () => {
    while (open.length) await open.pop()!.stop();
    await log.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a restart reads only the events appended while it was stopped, and answers as a full rebuild does', async () => {
    const first = await start();
    const head = await log.headPosition();
    expect(first.resume).toEqual({ restored: false, from: 0, read: head, rebuildBecause: 'no checkpoint saved' });
    expect(first.counted.delivered).toBe(head);
    await first.stop();
    open.pop();

    // While it is stopped: Sam is erased (key first, then the event) and a referral is made for Zoë.
    s.vault.shred('p-sam');
    await s.person('p-sam', { type: 'ErasePerson', actor: front, at: day(7) });
    await s.referral('r9', { type: 'CreateReferral', referralId: 'r9', personId: 'p-zoe', person: await s.facts('p-zoe'), needs: ['debt-advice'], urgency: 'urgent', actor: front, at: day(7) });
    const newHead = await copyLog(s.store, log, head);
    expect(newHead - head).toBe(2);

    const second = await start();
    expect(second.resume).toEqual({ restored: true, from: head, read: 2 });
    expect(second.counted.delivered).toBe(2);
    expect(second.counted.readByReadAll).toBe(1); // the check of the event at the checkpoint's position
    expect(plainState(second.projections)).toEqual(plainState(await fullRebuild()));

    const register = second.projections[2] as PersonRegister;
    expect(register.details('p-sam')).toBe(ERASED);
    expect(register.search('sam', { limit: 5, mayShow: () => true }).hits).toEqual([]);
    expect(register.possibleDuplicates('Sam', 'Patel', '1992-02-17')).toEqual([]);
    expect((second.projections[3] as ReferralBook).referral('r9')).toMatchObject({ personId: 'p-zoe', urgency: 'urgent' });
  });

  it('a bumped snapshot version means a rebuild, saying which projection changed', async () => {
    await (await start()).stop();
    open.pop();
    const head = await log.headPosition();
    const bumped = await start({ projections: readModels(s, new BumpedPersonRegister(s.vault)) });
    expect(bumped.resume).toEqual({ restored: false, from: 0, read: head, rebuildBecause: "person-register's snapshot version changed from 1 to 2" });
    expect(bumped.counted.delivered).toBe(head);
    await bumped.stop();
    open.pop();
    // Saved again under the new version, so the next start restores.
    expect((await start({ projections: readModels(s, new BumpedPersonRegister(s.vault)) })).resume).toMatchObject({ restored: true, from: head, read: 0 });
  });

  it('a checkpoint past the head of the log, or from another log, means a rebuild', async () => {
    await (await start()).stop();
    open.pop();
    const head = await log.headPosition();

    // A log restored from an older backup: fewer events than the checkpoint saw.
    const shorter = join(dir, 'shorter.sqlite');
    const older = new SqliteEventStore({ file: shorter, writer: 'inline' });
    const other = new Scenario();
    await busyMonth(other);
    await copyLog(other.store, older);
    await older.close();
    const behind = await start({ logFile: shorter, projections: readModels(other) });
    expect(behind.resume).toMatchObject({ restored: false, from: 0, rebuildBecause: `the checkpoint is at position ${head}, past the log's head ${head - 2}` });
    await behind.stop();
    open.pop();

    // Another log as long as ours (same history, its own event ids): the event at the position is not the one seen.
    await start(); // puts our checkpoint back
    await open.pop()!.stop();
    const sameLength = join(dir, 'same-length.sqlite');
    const another = new SqliteEventStore({ file: sameLength, writer: 'inline' });
    await other.register('p-sam', { givenName: 'Sam', familyName: 'Patel', dateOfBirth: '1992-02-17' }, front, day(6));
    await copyLog(other.store, another);
    expect(await another.headPosition()).toBe(head);
    await another.close();
    const foreign = await start({ logFile: sameLength, projections: readModels(other) });
    expect(foreign.resume).toMatchObject({ restored: false, read: head, rebuildBecause: `the event at position ${head} is not the one the checkpoint was taken after` });
  });

  it('an unreadable checkpoint means a rebuild', async () => {
    await (await start()).stop();
    open.pop();
    const db = new BetterSqlite3(checkpointFile);
    db.prepare("UPDATE read_model_checkpoints SET state = x'00ff13' WHERE runner = 'platform'").run();
    db.close();
    const restarted = await start();
    expect(restarted.resume.restored).toBe(false);
    expect(restarted.resume.rebuildBecause).toMatch(/^the checkpoint is unreadable: /);
    expect(plainState(restarted.projections)).toEqual(plainState(await fullRebuild()));
  });

  it('saves every N events while running, so a crash (no stop) costs only what came after the last save', async () => {
    const running = await start({ everyEvents: 2 });
    const head = await log.headPosition();
    await s.referral('r10', { type: 'CreateReferral', referralId: 'r10', personId: 'p-zoe', person: await s.facts('p-zoe'), needs: ['debt-advice'], urgency: 'routine', actor: front, at: day(7) });
    await s.referral('r11', { type: 'CreateReferral', referralId: 'r11', personId: 'p-zoe', person: await s.facts('p-zoe'), needs: ['debt-advice'], urgency: 'routine', actor: front, at: day(7) });
    await s.referral('r12', { type: 'CreateReferral', referralId: 'r12', personId: 'p-zoe', person: await s.facts('p-zoe'), needs: ['debt-advice'], urgency: 'routine', actor: front, at: day(7) });
    await copyLog(s.store, log, head);
    await running.runner.waitFor(head + 3);
    await running.runner.checkpointSaved();
    expect((await running.checkpoints.load('platform'))?.position).toBe(head + 2);

    // Crash: the process dies without stopping (its files stay as they are).
    const restarted = await start();
    expect(restarted.resume).toEqual({ restored: true, from: head + 2, read: 1 });
    expect(plainState(restarted.projections)).toEqual(plainState(await fullRebuild()));
  });

  it('saves every T milliseconds while running, whatever the count', async () => {
    const running = await start({ everyEvents: 1_000_000, everyMs: 25 });
    const head = await log.headPosition();
    await s.referral('r10', { type: 'CreateReferral', referralId: 'r10', personId: 'p-zoe', person: await s.facts('p-zoe'), needs: ['debt-advice'], urgency: 'routine', actor: front, at: day(7) });
    await copyLog(s.store, log, head);
    await running.runner.waitFor(head + 1);
    for (;;) {
      const saved = await running.checkpoints.load('platform');
      if (saved?.position === head + 1) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect((await running.checkpoints.load('platform'))?.position).toBe(head + 1);
  });

  it('refuses a policy that is not a whole number of at least 1, and a runner name that is not a slug', () => {
    const store = new SqliteCheckpointStore(checkpointFile);
    try {
      expect(() => new ReadModelCheckpoints(store, 'platform', { everyEvents: 0, everyMs: 1000 })).toThrow('checkpoint everyEvents must be a whole number of at least 1');
      expect(() => new ReadModelCheckpoints(store, 'platform', { everyEvents: 10, everyMs: 1.5 })).toThrow('checkpoint everyMs must be a whole number of at least 1');
      expect(() => new ReadModelCheckpoints(store, 'Platform One', { everyEvents: 10, everyMs: 10 })).toThrow(/runner name/);
      expect(() => new ProjectionRunner(log, [{ name: 'plain', apply: () => undefined, reset: () => undefined }], { checkpoints: new ReadModelCheckpoints(store, 'p', { everyEvents: 1, everyMs: 1 }) })).toThrow(
        'a checkpointed runner needs snapshotted projections; these are not: plain',
      );
    } finally {
      void store.close();
    }
  });
});
