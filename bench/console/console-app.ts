import { JwtService } from '@nestjs/jwt';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@onedoor/platform';
import { createOnedoorApp } from '../../apps/onedoor/src/create-app';
import { seedDemoConsortium } from '../../apps/onedoor/src/demo/seed-demo-consortium';
import { scratchDir } from '../scratch-dir';
import { startTimer } from '../timing';

export interface ConsoleApp {
  app: NestFastifyApplication;
  url: string;
  /** How long creating the app and seeding the demo consortium with its history took. */
  seedMs: number;
  token(partnerId: string, staffId?: string): string;
  close(): Promise<void>;
}

/**
 * The all-in-one app in this process, as `npm run demo` runs it (demo consortium and its months of history,
 * dev sign-in with the partner picker), on a fresh data directory, listening on a free port of 127.0.0.1.
 */
export async function startConsoleApp(): Promise<ConsoleApp> {
  const dir = scratchDir('console');
  const elapsed = startTimer();
  const config = loadConfig({ DATA_DIR: dir.path, LOG_LEVEL: 'warn', LOG_FORMAT: 'json', SEED_DEMO: 'true', SEED_DEMO_HISTORY: 'true' });
  const app = await createOnedoorApp(config);
  await app.getHttpAdapter().getInstance().ready();
  await seedDemoConsortium(app);
  const seedMs = elapsed();
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  const jwt = app.get(JwtService);
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    seedMs,
    token: (partnerId, staffId = `staff-${partnerId}`) => jwt.sign({ sub: staffId, partnerId }),
    close: async () => {
      await app.close();
      dir.dispose();
    },
  };
}
