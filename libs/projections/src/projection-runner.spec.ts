import { randomUUID } from 'node:crypto';
import { InMemoryEventStore, RecordedEvent } from '@onedoor/event-store';
import { Projection } from './projection';
import { ProjectionFailedError, ProjectionRunner, ProjectionRunnerStoppedError } from './projection-runner';

/** Remembers what it saw, in order; optionally throws on one event type. */
class Recorder implements Projection {
  seen: number[] = [];
  resets = 0;
  constructor(
    readonly name: string,
    private readonly failOn?: string,
  ) {}
  apply(event: RecordedEvent): void {
    if (event.type === this.failOn) throw new Error('boom');
    this.seen.push(event.position);
  }
  reset(): void {
    this.seen = [];
    this.resets += 1;
  }
}

const note = (type = 'Noted') => ({ id: randomUUID(), type, schemaVersion: 1, data: {} });

describe('projection runner', () => {
  let store: InMemoryEventStore;
  let runner: ProjectionRunner | undefined;
  beforeEach(() => (store = new InMemoryEventStore()));
  afterEach(async () => {
    await runner?.stop();
    await store.close();
  });

  it('applies stored then live events to every projection in log order', async () => {
    await store.append('a-1', [note(), note()], 'no-stream');
    await store.append('b-1', [note()], 'no-stream');
    const first = new Recorder('first');
    const second = new Recorder('second');
    runner = new ProjectionRunner(store, [first, second]);
    runner.start();
    await runner.waitFor(3);
    const { position } = await store.append('a-1', [note()], 2);
    await runner.waitFor(position);
    expect(first.seen).toEqual([1, 2, 3, 4]);
    expect(second.seen).toEqual([1, 2, 3, 4]);
    expect(runner.position).toBe(4);
    expect(runner.status).toBe('running');
  });

  it('waitFor resolves at once for an applied position, and later for one appended after start', async () => {
    await store.append('a-1', [note()], 'no-stream');
    const recorder = new Recorder('r');
    runner = new ProjectionRunner(store, [recorder]);
    runner.start();
    await runner.waitFor(1);
    await expect(runner.waitFor(0)).resolves.toBeUndefined();
    const waiting = runner.waitFor(3);
    let settled = false;
    void waiting.then(() => (settled = true));
    await store.append('a-1', [note()], 1);
    await new Promise((r) => setImmediate(r));
    expect(settled).toBe(false);
    await store.append('a-1', [note()], 2);
    await waiting;
    expect(recorder.seen).toEqual([1, 2, 3]);
  });

  it('a waitFor made before start resolves once the runner catches up', async () => {
    await store.append('a-1', [note(), note()], 'no-stream');
    runner = new ProjectionRunner(store, [new Recorder('r')]);
    const waiting = runner.waitFor(2);
    runner.start();
    await expect(waiting).resolves.toBeUndefined();
  });

  it('starting from 0 resets every projection and rebuilds; a later position resumes without reset', async () => {
    await store.append('a-1', [note(), note()], 'no-stream');
    const recorder = new Recorder('r');
    runner = new ProjectionRunner(store, [recorder]);
    runner.start();
    await runner.waitFor(2);
    await runner.stop();
    runner.start();
    await runner.waitFor(2);
    expect(recorder.resets).toBe(2);
    expect(recorder.seen).toEqual([1, 2]);
    await runner.stop();
    await store.append('a-1', [note()], 2);
    runner.start(runner.position);
    await runner.waitFor(3);
    expect(recorder.resets).toBe(2);
    expect(recorder.seen).toEqual([1, 2, 3]);
  });

  it('stops at a failing projection, tells onError, and rejects waitFor instead of skipping the event', async () => {
    const errors: Error[] = [];
    const good = new Recorder('good');
    const bad = new Recorder('bad', 'Poison');
    runner = new ProjectionRunner(store, [good, bad], { onError: (e) => errors.push(e) });
    runner.start();
    const waiting = runner.waitFor(3);
    await store.append('a-1', [note(), note('Poison'), note()], 'no-stream');
    await expect(waiting).rejects.toBeInstanceOf(ProjectionFailedError);
    expect(errors).toHaveLength(1);
    const failure = errors[0] as ProjectionFailedError;
    expect(failure).toMatchObject({ projection: 'bad', position: 2, eventType: 'Poison' });
    expect(runner.status).toBe('failed');
    expect(runner.error).toBe(failure);
    expect(runner.position).toBe(1);
    expect(bad.seen).toEqual([1]);
    // Nothing after the failure is applied, even to projections that did not fail.
    await store.append('a-1', [note()], 3);
    await new Promise((r) => setImmediate(r));
    expect(good.seen).toEqual([1, 2]);
    await expect(runner.waitFor(4)).rejects.toBe(failure);
    await expect(runner.waitFor(1)).resolves.toBeUndefined();
    // Projections before the failing one took event 2, so only a rebuild restarts it.
    expect(() => runner!.start(1)).toThrow(/from position 0/);
  });

  it('stop rejects anyone still waiting', async () => {
    runner = new ProjectionRunner(store, [new Recorder('r')]);
    runner.start();
    const waiting = runner.waitFor(5);
    await runner.stop();
    await expect(waiting).rejects.toBeInstanceOf(ProjectionRunnerStoppedError);
    expect(runner.status).toBe('stopped');
  });
});
