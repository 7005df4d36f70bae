import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { JwtService } from '@nestjs/jwt';
import type { EventStore } from '@onedoor/event-store';
import { Clock, EVENT_STORE, loadConfig } from '@onedoor/platform';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createOnedoorApp } from '../../apps/onedoor/src/create-app';
import { seedDemoConsortium } from '../../apps/onedoor/src/demo/seed-demo-consortium';

/** A real all-in-one app on a fresh SQLite data directory, for supertest suites. */
export interface OnedoorTestApp {
  app: NestFastifyApplication;
  dataDir: string;
  store: EventStore;
  http: () => ReturnType<typeof request>;
  /** Authorization header value for a staff member of a partner. */
  auth(partnerId: string, staffId?: string): string;
  /** Moves the app's clock (e.g. to see a referral go overdue). */
  setNow(iso: string | undefined): void;
  /** The global log head: unchanged after a rejected request means nothing was written. */
  head(): Promise<number>;
  /** Closes the app; keeps the data directory when `keepData` (to test a restart). */
  close(options?: { keepData?: boolean }): Promise<void>;
}

/** `env`: more settings, e.g. READ_MODEL_STORE=redis to run a suite over the Redis directory read model. */
export async function startTestApp(options: { seedDemo?: boolean; dataDir?: string; env?: Record<string, string> } = {}): Promise<OnedoorTestApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'onedoor-test-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', LOG_FORMAT: 'json', SEED_DEMO: 'false', ...options.env });
  const app = await createOnedoorApp(config);
  await app.getHttpAdapter().getInstance().ready();
  if (options.seedDemo) await seedDemoConsortium(app);
  const jwt = app.get(JwtService);
  const clock = app.get(Clock);
  const realNow = clock.now.bind(clock);
  let fixedNow: string | undefined;
  clock.now = () => fixedNow ?? realNow();
  const store = app.get<EventStore>(EVENT_STORE);
  return {
    app,
    dataDir,
    store,
    http: () => request(app.getHttpServer()),
    auth: (partnerId, staffId = `staff-${partnerId}`) => `Bearer ${jwt.sign({ sub: staffId, partnerId })}`,
    setNow: (iso) => (fixedNow = iso),
    head: () => store.headPosition(),
    close: async ({ keepData = false } = {}) => {
      await app.close();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
