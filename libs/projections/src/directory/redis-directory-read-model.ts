import Redis from 'ioredis';
import type {
  DirectoryChanges,
  DirectoryConsortium,
  DirectoryLocation,
  DirectoryOrganization,
  DirectoryService,
  DirectoryServiceAtLocationView,
  DirectoryTaxonomy,
  DirectoryTaxonomyTerm,
} from './directory-records';
import { DirectoryReadModel } from './directory-read-model';
import { DirectorySearch, DirectorySearchResult, SearchEntry, SearchKeys, filterAndOrder, intersectAll, searchEntryOf, searchKeysOf } from './directory-search';

export interface RedisDirectoryReadModelOptions {
  /** Every key starts with this (e.g. `onedoor:calder:directory:`), so consortia and test runs share a server safely. */
  keyPrefix: string;
  /** A connection to use (the caller closes it), or a URL to open one (closed by `close()`). */
  redis?: Redis;
  url?: string;
}

const byName = (a: { name: string; id: string }, b: { name: string; id: string }) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
const parsed = <T>(json: string | null | undefined): T | undefined => (json == null ? undefined : (JSON.parse(json) as T));
const allParsed = <T>(values: (string | null)[]): T[] => values.flatMap((v) => (v == null ? [] : [JSON.parse(v) as T]));

/** Bumped when the records' shape changes: a model written in another shape is rebuilt, as one from another log is. */
const RECORDS_FORMAT = 1;

/**
 * The directory read model in Redis, for the distributed deployment. The projection runner's writes are
 * synchronous, so each write is queued in order and applied as one MULTI (changes and checkpoint together);
 * every read first waits for the queue, so this process reads its own writes, and a failed write fails
 * every later read rather than serve a directory that silently drifted from the log.
 *
 * One model is shared by every instance projecting the same log, each writing every event. So a write goes in
 * only past the stored checkpoint (WATCHed, so of two instances writing one position only the first does), and a
 * process replaying from the start (clear) keeps what the others serve: its writes up to the checkpoint are skipped,
 * being there already. Only a model whose first event, or records format, is not this log's is wiped, at the
 * replay's first write (every instance then restarts, as after any change of log). A log restored to before the
 * stored checkpoint is not detected: delete the keys (deleteAll) before starting on it.
 *
 * Search keeps the same indexes as the in-process store, as Redis sets: active services, by need, by
 * community and by word, plus a sorted set of every word so a prefix finds its words with ZRANGEBYLEX.
 */
export class RedisDirectoryReadModel extends DirectoryReadModel {
  private readonly redis: Redis;
  private readonly ownsConnection: boolean;
  private readonly prefix: string;
  private queue: Promise<void> = Promise.resolve();
  private failure: Error | undefined;
  /** Set by clear(): the next write is the log's first event, which says whether the stored model is this log's. */
  private replaying = false;
  /** The position of the last write queued: what a checkpoint taken now stands for. */
  private written = 0;

  constructor(options: RedisDirectoryReadModelOptions) {
    super();
    if (!options.redis && !options.url) throw new Error('a Redis directory read model needs a connection or a URL');
    this.redis = options.redis ?? new Redis(options.url!, { lazyConnect: false, maxRetriesPerRequest: 3 });
    this.ownsConnection = !options.redis;
    this.prefix = options.keyPrefix;
  }

  /** Ready for a replay from the start; the stored model stays for the other instances (see the class comment). */
  clear(): void {
    this.replaying = true;
    this.written = 0;
    this.enqueue(async () => {
      this.failure = undefined;
    });
  }

  write(changes: DirectoryChanges, position: number, eventId?: string): void {
    const firstOfReplay = this.replaying;
    this.replaying = false;
    this.written = position;
    this.enqueue(async () => {
      if (firstOfReplay && eventId !== undefined) await this.keepOnlyIfFrom(eventId);
      await this.applyOnce(changes, position, eventId);
    });
  }

  /** Deletes every key of this model, for every instance: the next replay writes it afresh. */
  async deleteAll(): Promise<void> {
    await this.queue;
    await this.deleteEverything();
  }

  /** The records are in Redis already: a checkpoint only notes the position they stand at. */
  snapshot(): { checkpoint: number } {
    return { checkpoint: this.written };
  }

  /**
   * Usable only when Redis still holds exactly that state: written further by this process before a crash, by
   * another instance sharing the keys, or cleared, it no longer matches the checkpoint and the runner rebuilds.
   */
  async restore(state: unknown): Promise<void> {
    const { checkpoint } = state as { checkpoint?: unknown };
    const inRedis = await this.checkpoint();
    if (typeof checkpoint !== 'number' || inRedis !== checkpoint) throw new Error(`the directory in Redis is at position ${inRedis}, not the checkpoint's ${String(checkpoint)}`);
    this.written = checkpoint;
  }

  /** Resolves once every queued write is in Redis; rejects with the first that failed. */
  async flushed(): Promise<void> {
    await this.queue;
    if (this.failure) throw this.failure;
  }

  async close(): Promise<void> {
    await this.queue;
    if (this.ownsConnection) await this.redis.quit();
  }

  async checkpoint(): Promise<number> {
    await this.flushed();
    return Number((await this.redis.get(this.key('checkpoint'))) ?? 0);
  }

  async consortium(): Promise<DirectoryConsortium | undefined> {
    await this.flushed();
    return parsed(await this.redis.get(this.key('consortium')));
  }

  async organizations(): Promise<DirectoryOrganization[]> {
    return (await this.all<DirectoryOrganization>('org')).sort(byName);
  }

  async organization(id: string): Promise<DirectoryOrganization | undefined> {
    return this.one('org', id);
  }

  async services(): Promise<DirectoryService[]> {
    return (await this.all<DirectoryService>('svc')).sort((a, b) => a.name.localeCompare(b.name) || a.serviceId.localeCompare(b.serviceId));
  }

  async service(id: string): Promise<DirectoryService | undefined> {
    return this.one('svc', id);
  }

  async locations(): Promise<DirectoryLocation[]> {
    return (await this.all<DirectoryLocation>('loc')).sort((a, b) => a.postcodeDistrict.localeCompare(b.postcodeDistrict, 'en', { numeric: true }));
  }

  async location(id: string): Promise<DirectoryLocation | undefined> {
    return this.one('loc', id);
  }

  async serviceAtLocation(id: string): Promise<DirectoryServiceAtLocationView | undefined> {
    await this.flushed();
    const serviceId = await this.redis.hget(this.key('sal'), id);
    const service = serviceId ? await this.one<DirectoryService>('svc', serviceId) : undefined;
    const link = service?.serviceAtLocations.find((sal) => sal.id === id);
    const location = link && (await this.one<DirectoryLocation>('loc', link.locationId));
    return location && { id, service: service!, location };
  }

  async taxonomies(): Promise<DirectoryTaxonomy[]> {
    return (await this.all<DirectoryTaxonomy>('tax')).sort(byName);
  }

  async taxonomy(id: string): Promise<DirectoryTaxonomy | undefined> {
    return this.one('tax', id);
  }

  async taxonomyTerms(): Promise<DirectoryTaxonomyTerm[]> {
    return (await this.all<DirectoryTaxonomyTerm>('term')).sort((a, b) => a.taxonomy.localeCompare(b.taxonomy) || byName(a, b));
  }

  async taxonomyTerm(id: string): Promise<DirectoryTaxonomyTerm | undefined> {
    return this.one('term', id);
  }

  async search(search: DirectorySearch): Promise<DirectorySearchResult> {
    await this.flushed();
    const ids = await this.candidateIds(search);
    const entries = ids.length ? allParsed<SearchEntry>(await this.redis.hmget(this.key('entry'), ...ids)) : [];
    const { total, page } = filterAndOrder(entries, search);
    const services = page.length ? allParsed<DirectoryService>(await this.redis.hmget(this.key('svc'), ...page.map((p) => p.entry.id))) : [];
    const hits = page.map(({ distanceMetres, nearestDistrict }, i) => ({ service: services[i], ...(distanceMetres !== undefined ? { distanceMetres, nearestDistrict } : {}) }));
    return { total, hits };
  }

  private async candidateIds(search: DirectorySearch): Promise<string[]> {
    const setKeys = [
      ...(search.need !== undefined ? [this.key(`need:${search.need}`)] : []),
      ...(search.community !== undefined ? [this.key(`community:${search.community}`)] : []),
    ];
    const wordKeys = await Promise.all(
      (search.words ?? []).map(async (word) => {
        // Every indexed word from `word` up to `word` followed by the highest byte: those it begins.
        const words = await this.redis.zrangebylex(this.key('vocab'), Buffer.from(`[${word}`), Buffer.concat([Buffer.from(`[${word}`), Buffer.from([0xff])]));
        return words.map((w) => this.key(`word:${w}`));
      }),
    );
    if (setKeys.length === 0 && wordKeys.length === 0) return this.redis.smembers(this.key('active'));
    const pipeline = this.redis.pipeline();
    setKeys.forEach((k) => pipeline.smembers(k));
    wordKeys.forEach((keys) => (keys.length ? pipeline.sunion(...keys) : pipeline.echo('')));
    const answers = (await pipeline.exec())!.map(([error, value]) => {
      if (error) throw error;
      return Array.isArray(value) ? new Set(value as string[]) : new Set<string>();
    });
    return [...intersectAll(answers)];
  }

  /** Wipes a model another log (or another records format) wrote; `firstEventId` is this log's first event. */
  private async keepOnlyIfFrom(firstEventId: string): Promise<void> {
    const origin = await this.redis.get(this.key('origin'));
    if (origin !== null && origin !== `${RECORDS_FORMAT}:${firstEventId}`) await this.deleteEverything();
  }

  /** Applies the changes unless the stored model is already at or past `position`; retried when another instance wrote meanwhile. */
  private async applyOnce(changes: DirectoryChanges, position: number, eventId: string | undefined): Promise<void> {
    for (;;) {
      await this.redis.watch(this.key('checkpoint'));
      const stored = Number((await this.redis.get(this.key('checkpoint'))) ?? 0);
      if (position <= stored) {
        await this.redis.unwatch();
        return;
      }
      const tx = await this.changesTransaction(changes);
      // The first write of an empty model names the log (and the format) it belongs to.
      if (stored === 0 && eventId !== undefined) tx.set(this.key('origin'), `${RECORDS_FORMAT}:${eventId}`);
      tx.set(this.key('checkpoint'), String(position));
      const results = await tx.exec();
      // Null: the checkpoint moved after WATCH, another instance wrote first; look again.
      if (results === null) continue;
      const failed = results.find(([error]) => error);
      if (failed) throw failed[0];
      return;
    }
  }

  private async changesTransaction(changes: DirectoryChanges): Promise<ReturnType<Redis['multi']>> {
    const services = changes.services ?? [];
    // What each service was indexed under before, and its partner's name: read first, then one MULTI.
    const [oldKeys, savedNames, oldServices] = services.length
      ? await Promise.all([
          this.redis.hmget(this.key('keys'), ...services.map((s) => s.id)),
          this.redis.hmget(this.key('org'), ...services.map((s) => s.organizationId)),
          this.redis.hmget(this.key('svc'), ...services.map((s) => s.id)),
        ])
      : [[], [], []];
    const tx = this.redis.multi();
    if (changes.consortium) tx.set(this.key('consortium'), JSON.stringify(changes.consortium));
    const putAll = (name: string, items: { id: string }[] | undefined) => {
      if (items?.length) tx.hset(this.key(name), Object.fromEntries(items.map((item) => [item.id, JSON.stringify(item)])));
    };
    putAll('org', changes.organizations);
    putAll('loc', changes.locations);
    putAll('tax', changes.taxonomies);
    putAll('term', changes.taxonomyTerms);
    const namesNow = new Map((changes.organizations ?? []).map((o) => [o.id, o.name]));
    services.forEach((service, i) => {
      const before = parsed<SearchKeys>(oldKeys[i]);
      if (before) this.unindex(tx, service.id, before);
      parsed<DirectoryService>(oldServices[i])?.serviceAtLocations.forEach((sal) => tx.hdel(this.key('sal'), sal.id));
      service.serviceAtLocations.forEach((sal) => tx.hset(this.key('sal'), sal.id, service.id));
      tx.hset(this.key('svc'), service.id, JSON.stringify(service));
      const organizationName = namesNow.get(service.organizationId) ?? parsed<DirectoryOrganization>(savedNames[i])?.name;
      const keys = searchKeysOf(service, organizationName);
      if (keys) this.index(tx, service, keys);
    });
    return tx;
  }

  private index(tx: ReturnType<Redis['multi']>, service: DirectoryService, keys: SearchKeys): void {
    tx.sadd(this.key('active'), service.id);
    tx.hset(this.key('entry'), service.id, JSON.stringify(searchEntryOf(service)));
    tx.hset(this.key('keys'), service.id, JSON.stringify(keys));
    keys.needs.forEach((code) => tx.sadd(this.key(`need:${code}`), service.id));
    keys.communities.forEach((code) => tx.sadd(this.key(`community:${code}`), service.id));
    keys.words.forEach((word) => tx.sadd(this.key(`word:${word}`), service.id));
    // Words stay in the vocabulary when their last service goes: a prefix then finds an empty set, which is harmless.
    if (keys.words.length) tx.zadd(this.key('vocab'), ...keys.words.flatMap((word) => [0, word]));
  }

  private unindex(tx: ReturnType<Redis['multi']>, id: string, keys: SearchKeys): void {
    tx.srem(this.key('active'), id);
    tx.hdel(this.key('entry'), id);
    tx.hdel(this.key('keys'), id);
    keys.needs.forEach((code) => tx.srem(this.key(`need:${code}`), id));
    keys.communities.forEach((code) => tx.srem(this.key(`community:${code}`), id));
    keys.words.forEach((word) => tx.srem(this.key(`word:${word}`), id));
  }

  private async deleteEverything(): Promise<void> {
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', `${this.prefix}*`, 'COUNT', 1000);
      if (keys.length) await this.redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  }

  private enqueue(work: () => Promise<void>): void {
    this.queue = this.queue.then(work).catch((error: unknown) => {
      this.failure ??= error instanceof Error ? error : new Error(String(error));
    });
  }

  private async all<T>(name: string): Promise<T[]> {
    await this.flushed();
    return Object.values(await this.redis.hgetall(this.key(name))).map((json) => JSON.parse(json) as T);
  }

  private async one<T>(name: string, id: string): Promise<T | undefined> {
    await this.flushed();
    return parsed<T>(await this.redis.hget(this.key(name), id));
  }

  private key(name: string): string {
    return `${this.prefix}${name}`;
  }
}
