/**
 * The app under load, in its own process: started by server-process.ts with node
 * `-r ts-node/register/transpile-only -r tsconfig-paths/register`. Boots the all-in-one app on the
 * DATA_DIR it is given (a fresh temp dir), seeds the demo consortium as main.ts does, listens on
 * 127.0.0.1 on a free port and tells its parent the URL over IPC. On request it CPU-profiles a phase
 * (inspector sampling) and reports its event store's group commits (sizes and how long each took).
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '@onedoor/platform';
import { createOnedoorApp } from '../../apps/onedoor/src/create-app';
import { seedDemoConsortium } from '../../apps/onedoor/src/demo/seed-demo-consortium';
import { GroupCommitProbe } from '../store/group-commit-probe';
import type { ParentMessage, ServerMessage } from './server-messages';

const send = (message: ServerMessage) => process.send?.(message);

async function main(): Promise<void> {
  // performance.now() counts from the process's start: what it took to load (and transpile) the code.
  const loadedMs = performance.now();
  const commits = new GroupCommitProbe().install();
  const config = loadConfig({
    ...process.env,
    HOST: '127.0.0.1',
    PORT: '0',
    AUTH_MODE: 'dev',
    SEED_DEMO: 'true',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  });
  const app = await createOnedoorApp(config);
  const initialisedMs = performance.now();
  // As main.ts does; a no-op if the app already seeded itself.
  if (config.SEED_DEMO) await seedDemoConsortium(app);
  const server = app.getHttpServer();
  if (!server.listening) await app.listen(0, '127.0.0.1');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error(`unexpected server address ${String(address)}`);
  send({ type: 'listening', url: `http://127.0.0.1:${address.port}`, loadedMs, initialisedMs });

  const profiler = new Session();
  profiler.connect();
  const post = (method: string, params?: object) =>
    new Promise<any>((resolve, reject) => profiler.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));

  process.on('message', async (message: ParentMessage) => {
    try {
      if (message.type === 'profile-start') {
        await post('Profiler.enable');
        await post('Profiler.setSamplingInterval', { interval: 200 });
        await post('Profiler.start');
        send({ type: 'profile-started' });
      } else if (message.type === 'profile-stop') {
        const { profile } = await post('Profiler.stop');
        writeFileSync(message.file, JSON.stringify(profile));
        send({ type: 'profile-written', file: message.file });
      } else if (message.type === 'commit-stats') {
        const from = message.since ?? 0;
        send({
          type: 'commit-stats',
          commits: commits.groupSizes.length,
          appends: commits.groupSizes.reduce((sum, size) => sum + size, 0),
          commitMs: commits.groupMs.slice(from),
          cpuMs: cpuMsSoFar(),
          mainThreadBusyMs: performance.eventLoopUtilization().active,
        });
      } else if (message.type === 'stop') {
        profiler.disconnect();
        await app.close();
        process.exit(0);
      }
    } catch (error) {
      send({ type: 'failed', error: error instanceof Error ? error.stack ?? error.message : String(error) });
    }
  });
  process.on('disconnect', () => process.exit(0));
}

function cpuMsSoFar(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

main().catch((error: unknown) => {
  send({ type: 'failed', error: error instanceof Error ? error.stack ?? error.message : String(error) });
  console.error(error);
  process.exit(1);
});
