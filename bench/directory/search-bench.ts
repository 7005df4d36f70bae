import type { ServiceEvent } from '@onedoor/domain';
import type { RecordedEvent } from '@onedoor/event-store';
import {
  DirectoryProjection,
  DirectoryReadModel,
  DirectorySearch,
  HsdsIds,
  InMemoryDirectoryReadModel,
  PartnerResponsiveness,
  Projection,
  RedisDirectoryReadModel,
  ServiceLoad,
  compareByName,
  districtCentroid,
  distanceInMetres,
  searchKeysOf,
  searchWordsOf,
} from '@onedoor/projections';
import type { DirectoryService } from '@onedoor/projections';
import { percentile, startTimer } from '../timing';
import { BENCH_COMMUNITIES, BENCH_DISTRICTS, BENCH_NEEDS, BENCH_WORDS, StreamedEvent, directoryEvents, referralEvents, seededRandom, serviceChangeEvents } from './generated-consortium';

export interface LatencySummary {
  p50: number;
  p99: number;
  max: number;
  count: number;
}

export interface SearchBenchResult {
  services: number;
  referrals: number;
  referralEvents: number;
  queries: number;
  indexed: LatencySummary;
  linearScan: LatencySummary;
  /** Linear-scan p99 ÷ indexed p99: how much the indexes buy. */
  speedup: number;
  redis?: LatencySummary | { skipped: string };
  mismatches: number;
}

type Query = Omit<DirectorySearch, 'offset' | 'limit'>;

/** Feeds generated events straight to projections, with positions, as the runner would. */
function feed(projections: Projection[], events: Iterable<StreamedEvent>, start = 0): number {
  let position = start;
  for (const { stream, event } of events) {
    position += 1;
    const recorded = { position, streamId: stream, version: 0, id: String(position), type: event.type, schemaVersion: 1, data: event.data, metadata: {}, recordedAt: '' } as unknown as RecordedEvent;
    for (const p of projections) p.apply(recorded);
  }
  return position;
}

/** A mix of what staff type: need alone, need near a postcode, words, community with age, capacity. */
function queriesFor(count: number): Query[] {
  const random = seededRandom(99);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const near = (withinKm?: number) => ({ from: districtCentroid(pick(BENCH_DISTRICTS))!, ...(withinKm ? { withinMetres: withinKm * 1000 } : {}) });
  const shapes: (() => Query)[] = [
    () => ({ need: pick(BENCH_NEEDS) }),
    () => ({ need: pick(BENCH_NEEDS), near: near() }),
    () => ({ need: pick(BENCH_NEEDS), near: near(10), age: 30 }),
    () => ({ words: [pick(BENCH_WORDS).slice(0, 4)] }),
    () => ({ words: searchWordsOf(`${pick(BENCH_WORDS)} ${pick(['halifax', 'leeds', 'todmorden', 'bradford'])}`) }),
    () => ({ community: pick(BENCH_COMMUNITIES), hasCapacity: true }),
    () => ({ need: pick(BENCH_NEEDS), community: pick(BENCH_COMMUNITIES), age: 17 }),
    () => ({ near: near(5), hasCapacity: true }),
  ];
  return Array.from({ length: count }, (_, i) => shapes[i % shapes.length]());
}

/**
 * The raw baseline: the same services as plain objects in an array, every query a full scan with the same
 * semantics (words as prefixes of the same words, distance to the nearest district, same order and page).
 */
class LinearScan {
  private readonly rows: { service: DirectoryService; needs: string[]; communities: string[]; words: string[]; districts: { latitude: number; longitude: number }[] }[];

  constructor(
    services: DirectoryService[],
    private readonly organizationNames: Map<string, string>,
  ) {
    this.rows = services.flatMap((service) => this.rowsOf(service));
  }

  /** The service as it now stands, in place of what the scan held for it. */
  replace(service: DirectoryService): void {
    const at = this.rows.findIndex((row) => row.service.id === service.id);
    this.rows.splice(at === -1 ? this.rows.length : at, at === -1 ? 0 : 1, ...this.rowsOf(service));
  }

  private rowsOf(service: DirectoryService) {
    const keys = searchKeysOf(service, this.organizationNames.get(service.organizationId));
    if (!keys) return [];
    const districts = service.serviceAreas.flatMap((a) => (a.postcodeDistrict && districtCentroid(a.postcodeDistrict) ? [districtCentroid(a.postcodeDistrict)!] : []));
    return [{ service, needs: keys.needs, communities: keys.communities, words: keys.words, districts }];
  }

  search(q: Query, limit: number): { total: number; ids: string[] } {
    const found: { service: DirectoryService; distance?: number }[] = [];
    for (const row of this.rows) {
      const s = row.service;
      if (q.need !== undefined && !row.needs.includes(q.need)) continue;
      if (q.community !== undefined && !row.communities.includes(q.community)) continue;
      if (q.words && !q.words.every((w) => row.words.some((word) => word.startsWith(w)))) continue;
      if (q.age !== undefined && ((s.eligibility.minimumAge ?? 0) > q.age || q.age > (s.eligibility.maximumAge ?? 130))) continue;
      if (q.hasCapacity !== undefined && s.capacity.available > 0 !== q.hasCapacity) continue;
      let distance: number | undefined;
      if (q.near) for (const d of row.districts) distance = Math.min(distance ?? Infinity, distanceInMetres(q.near.from, d));
      if (q.near?.withinMetres !== undefined && (distance === undefined || distance > q.near.withinMetres)) continue;
      found.push({ service: s, distance });
    }
    found.sort((a, b) => (q.near ? (a.distance ?? Infinity) - (b.distance ?? Infinity) : 0) || compareByName(a.service, b.service));
    return { total: found.length, ids: found.slice(0, limit).map((f) => f.service.id) };
  }
}

const summary = (times: number[]): LatencySummary => ({ p50: percentile(times, 50), p99: percentile(times, 99), max: Math.max(...times), count: times.length });

export async function runSearchBench(plan: { services: number; referrals: number; queries: number; redisQueries: number }, progress: (line: string) => void): Promise<SearchBenchResult> {
  progress(`(c) search: projecting ${plan.services} services and ${plan.referrals} referrals…`);
  const directory = new InMemoryDirectoryReadModel();
  const load = new ServiceLoad();
  const responsiveness = new PartnerResponsiveness();
  const projection = new DirectoryProjection(directory);
  const head = feed([projection], directoryEvents(plan.services));
  const referralEventCount = feed([load, responsiveness, projection], referralEvents(plan.referrals, plan.services), head) - head;

  const names = new Map((await directory.organizations()).map((o) => [o.id, o.name]));
  const scan = new LinearScan(await directory.services(), names);
  const queries = queriesFor(plan.queries);
  const limit = 20;
  // Warm both paths (JIT, lazily sorted vocabulary) before measuring.
  for (const q of queries.slice(0, 200)) {
    await directory.search({ ...q, offset: 0, limit });
    scan.search(q, limit);
  }
  progress(`(c) search: ${queries.length} queries, indexed and linear scan taking turns…`);
  const indexed: number[] = [];
  const linear: number[] = [];
  let mismatches = 0;
  // Partners keep changing capacity while staff search: one change before each query, so a query pays for
  // indexing what was written since the last one (the in-process read model indexes at the next search).
  const hsdsIds = new HsdsIds((await directory.consortium())!.consortiumId);
  const changes = serviceChangeEvents(queries.length, plan.services)[Symbol.iterator]();
  let position = head + referralEventCount;
  for (const q of queries) {
    const change = changes.next();
    if (!change.done) {
      position = feed([projection], [change.value], position);
      const changed = await directory.service(hsdsIds.service((change.value.event as ServiceEvent).data.serviceId));
      if (changed) scan.replace(changed);
    }
    let elapsed = startTimer();
    const result = await directory.search({ ...q, offset: 0, limit });
    indexed.push(elapsed());
    elapsed = startTimer();
    const baseline = scan.search(q, limit);
    linear.push(elapsed());
    if (result.total !== baseline.total || result.hits.map((h) => h.service.id).join() !== baseline.ids.join()) mismatches += 1;
  }
  const redis = plan.redisQueries > 0 ? await redisLatency(plan, queries.slice(0, plan.redisQueries), progress) : undefined;
  const indexedSummary = summary(indexed);
  const linearSummary = summary(linear);
  return {
    services: plan.services,
    referrals: plan.referrals,
    referralEvents: referralEventCount,
    queries: queries.length,
    indexed: indexedSummary,
    linearScan: linearSummary,
    speedup: linearSummary.p99 / indexedSummary.p99,
    ...(redis ? { redis } : {}),
    mismatches,
  };
}

/** The same queries against the Redis store on 127.0.0.1:6379, under a throwaway key prefix; skipped when Redis is not there. */
async function redisLatency(plan: { services: number }, queries: Query[], progress: (line: string) => void): Promise<LatencySummary | { skipped: string }> {
  const prefix = `onedoor-bench:${process.pid}:${Date.now()}:`;
  let readModel: RedisDirectoryReadModel | undefined;
  try {
    readModel = new RedisDirectoryReadModel({ url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', keyPrefix: prefix });
    progress(`(c) search: loading ${plan.services} services into Redis…`);
    feed([new DirectoryProjection(readModel)], directoryEvents(plan.services));
    await readModel.flushed();
    for (const q of queries.slice(0, 50)) await readModel.search({ ...q, offset: 0, limit: 20 });
    const times: number[] = [];
    for (const q of queries) {
      const elapsed = startTimer();
      await readModel.search({ ...q, offset: 0, limit: 20 });
      times.push(elapsed());
    }
    return summary(times);
  } catch (error) {
    return { skipped: error instanceof Error ? error.message : String(error) };
  } finally {
    if (readModel) {
      readModel.clear();
      await readModel.flushed().catch(() => undefined);
      await readModel.close().catch(() => undefined);
    }
  }
}

export type { DirectoryReadModel };
