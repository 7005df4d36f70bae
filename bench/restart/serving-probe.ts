import { readFileSync } from 'node:fs';
import { ApiClient } from '../http/api-client';
import { ServerProcess } from '../http/server-process';
import { startTimer } from '../timing';

/** Milliseconds from spawning the app to each step of its start, and what it held then. */
export interface StartTiming {
  /** The child's own clock: its code loaded (under ts-node, mostly transpiling), then the app initialised (Nest's init, every catch-up included). */
  loadedMs: number;
  initialisedMs: number;
  /** The process listens: Nest's init is done, and with it every catch-up the modules wait for. */
  listeningMs: number;
  /** GET /health answers 200 with the read models and every component at the log's head (lag 0). */
  healthyMs: number;
  /** A read answered from the read models (GET /consortium as the demo hub's staff). */
  servingMs: number;
  headPosition: number;
  /** The app process's peak resident memory (VmHWM) once serving, MiB. */
  peakRssMiB: number;
}

interface Health {
  eventStore: { headPosition: number };
  readModels: { status: string; lag: number };
  components: Record<string, { status: string; lag?: number }>;
}

const BOOT_TIMEOUT_MS = 600_000;
const HEALTH_POLL_MS = 20;
/** Every catch-up is awaited before the app listens, so health should follow at once; this only bounds a failure. */
const HEALTHY_WITHIN_MS = 60_000;

/** Starts the all-in-one app on `dataDir` and times it until it serves; the caller stops it. */
export async function startUntilServing(dataDir: string): Promise<{ server: ServerProcess; timing: StartTiming }> {
  const elapsed = startTimer();
  const server = await ServerProcess.start(dataDir, BOOT_TIMEOUT_MS);
  try {
    const listeningMs = elapsed();
    const api = new ApiClient(server.url);
    const health = await healthyAtHead(api);
    const healthyMs = elapsed();
    const { token } = await api.call<{ token: string }>('POST', '/auth/dev-token', { partnerId: 'calder-hub' });
    const { partners } = await api.withToken(token).call<{ partners: unknown[] }>('GET', '/consortium');
    const servingMs = elapsed();
    if (partners.length === 0) throw new Error('GET /consortium answered with no partners: the demo consortium is missing from the log');
    return { server, timing: { ...server.startup, listeningMs, healthyMs, servingMs, headPosition: health.eventStore.headPosition, peakRssMiB: peakRssMiB(server.pid) } };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

async function healthyAtHead(api: ApiClient): Promise<Health> {
  const waited = startTimer();
  for (;;) {
    const response = await fetch(`${api.baseUrl}/health`);
    const body = await response.text();
    const health = response.status === 200 ? (JSON.parse(body) as Health) : undefined;
    if (health && health.readModels.lag === 0 && Object.values(health.components).every((c) => (c.lag ?? 0) === 0)) return health;
    if (waited() > HEALTHY_WITHIN_MS) throw new Error(`the app listened but was not healthy at the log's head within ${HEALTHY_WITHIN_MS / 1000} s: ${response.status} ${body.slice(0, 500)}`);
    await new Promise((resolve) => setTimeout(resolve, HEALTH_POLL_MS));
  }
}

/** Linux's high-water mark of the process's resident set; NaN where /proc is not there. */
function peakRssMiB(pid: number | undefined): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}
