import type { EventStore } from '@onedoor/event-store';
import type { ProjectionRunner } from '@onedoor/projections';
import type { FastifyInstance } from 'fastify';

/** Long enough for a poll of another process's commits (SQLite: 250 ms), short enough never to look like a hang. */
export const READ_YOUR_WRITES_MAX_WAIT_MS = 5_000;

/**
 * When services run as separate processes, a write answered by one (the referrals service) reaches another's read
 * models (the directory's, the gateway's worklists) a little later. Each request therefore first waits until this
 * process's read models hold every event committed before it arrived, so a client that waited for one answer sees
 * its effect in the next, whichever service serves it. Bounded: past the wait it answers from what it has. Runs in
 * preValidation, after the body checks and before the idempotency hooks, whose handler must run inside their context.
 */
export function installReadYourWrites(fastify: FastifyInstance, runner: ProjectionRunner, store: EventStore, maxWaitMs = READ_YOUR_WRITES_MAX_WAIT_MS): void {
  fastify.addHook('preValidation', async () => {
    if (runner.status !== 'running') return;
    const head = await store.headPosition();
    if (runner.position >= head) return;
    let timer: NodeJS.Timeout | undefined;
    const givenUp = new Promise<void>((resolve) => (timer = setTimeout(resolve, maxWaitMs)));
    try {
      await Promise.race([runner.waitFor(head).catch(() => undefined), givenUp]);
    } finally {
      clearTimeout(timer);
    }
  });
}
