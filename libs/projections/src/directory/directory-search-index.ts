import type { DirectoryService } from './directory-records';
import { LatLong, districtCentroid, distanceInMetres } from './uk-postcode';
import { DirectorySearch, SearchEntry, SearchKeys, compareByName, intersectAll, searchEntryOf, searchKeysOf, searchWordsOf } from './directory-search';

/**
 * The in-process index behind staff search: active services by need code, by community code and by
 * word, plus each one's search entry. A query word matches every indexed word it begins, found by binary
 * search in the sorted vocabulary, so "emp" finds "employment" without indexing every prefix.
 */
export class DirectorySearchIndex {
  private readonly active = new Set<string>();
  private readonly byNeed = new Map<string, Set<string>>();
  private readonly byCommunity = new Map<string, Set<string>>();
  private readonly byWord = new Map<string, Set<string>>();
  /** Postcode district → services delivered there: a search within a distance starts from the districts in reach. */
  private readonly byDistrict = new Map<string, Set<string>>();
  private readonly entries = new Map<string, SearchEntry>();
  private readonly keysOfService = new Map<string, SearchKeys>();
  /** The text each service's words came from: splitting text is the costly part, and most changes (capacity) leave it alone. */
  private readonly wordsOfText = new Map<string, { text: string; words: string[] }>();
  /** Sorted lazily: writes come in bursts (a rebuild), searches after them. */
  private vocabulary: string[] = [];
  private vocabularyStale = false;
  /** Each active service's place in name order, recomputed lazily after a name comes or goes. */
  private nameRanks = new Map<string, number>();
  private nameRanksStale = false;

  clear(): void {
    for (const map of [this.byNeed, this.byCommunity, this.byWord, this.byDistrict, this.entries, this.keysOfService, this.wordsOfText]) map.clear();
    this.active.clear();
    this.vocabulary = [];
    this.vocabularyStale = false;
    this.nameRanks.clear();
    this.nameRanksStale = false;
  }

  /** Indexes the service as it now is, replacing what was indexed for it before (an inactive one is dropped). */
  put(service: DirectoryService, organizationName: string | undefined): void {
    const keys = searchKeysOf(service, organizationName, (text) => {
      const known = this.wordsOfText.get(service.id);
      if (known?.text === text) return known.words;
      const words = searchWordsOf(text);
      this.wordsOfText.set(service.id, { text, words });
      return words;
    });
    const before = this.keysOfService.get(service.id);
    // Same keys (a capacity change, say): only the entry changes, the sets stay as they are.
    if (keys && before && sameKeys(before, keys)) {
      const entry = searchEntryOf(service);
      const previous = this.entries.get(service.id)!;
      if (previous.name !== entry.name || !this.nameRanks.has(service.id)) this.nameRanksStale = true;
      this.reindex(this.byDistrict, service.id, previous.districts.map((d) => d.district), entry.districts.map((d) => d.district));
      this.entries.set(service.id, entry);
      return;
    }
    // A service leaving keeps the others in order; only a new name (or a newcomer) needs ranks again.
    if (!keys) return this.drop(service.id);
    // Only the differences touch the sets: an edited description changes a few words, not all thirty.
    const was = before ?? { needs: [], communities: [], words: [] };
    this.active.add(service.id);
    const entry = searchEntryOf(service);
    const previousEntry = this.entries.get(service.id);
    if (previousEntry?.name !== entry.name || !this.nameRanks.has(service.id)) this.nameRanksStale = true;
    this.entries.set(service.id, entry);
    this.keysOfService.set(service.id, keys);
    this.reindex(this.byDistrict, service.id, previousEntry?.districts.map((d) => d.district) ?? [], entry.districts.map((d) => d.district));
    this.reindex(this.byNeed, service.id, was.needs, keys.needs);
    this.reindex(this.byCommunity, service.id, was.communities, keys.communities);
    this.reindex(this.byWord, service.id, was.words, keys.words, () => (this.vocabularyStale = true));
  }

  private reindex(index: Map<string, Set<string>>, id: string, before: string[], after: string[], keysChanged?: () => void): void {
    const kept = new Set(after);
    for (const key of before) if (!kept.has(key) && removeFrom(index, key, id)) keysChanged?.();
    const had = new Set(before);
    for (const key of after) {
      if (had.has(key)) continue;
      if (!index.has(key)) keysChanged?.();
      addTo(index, key, id);
    }
  }

  /** The search entries of every active service the index criteria (need, community, words) admit. */
  candidates(search: Pick<DirectorySearch, 'need' | 'community' | 'words' | 'near'>): SearchEntry[] {
    const sets: ReadonlySet<string>[] = [];
    const within = search.near?.withinMetres;
    if (within !== undefined) sets.push(this.servicesInDistrictsWithin(search.near!.from, within));
    if (search.need !== undefined) sets.push(this.byNeed.get(search.need) ?? new Set());
    if (search.community !== undefined) sets.push(this.byCommunity.get(search.community) ?? new Set());
    for (const word of search.words ?? []) sets.push(this.servicesWithWordStarting(word));
    const ids = sets.length ? intersectAll(sets) : this.active;
    return [...ids].map((id) => this.entries.get(id)!);
  }

  /** Name order as integers, so a search sorts thousands of matches without collating their names. */
  nameRank(): (id: string) => number {
    if (this.nameRanksStale) {
      const ordered = [...this.entries.values()].sort(compareByName);
      this.nameRanks = new Map(ordered.map((entry, rank) => [entry.id, rank]));
      this.nameRanksStale = false;
    }
    const ranks = this.nameRanks;
    return (id) => ranks.get(id)!;
  }

  private servicesInDistrictsWithin(from: LatLong, metres: number): ReadonlySet<string> {
    const found = new Set<string>();
    for (const [district, ids] of this.byDistrict) {
      const centre = districtCentroid(district);
      if (centre && distanceInMetres(from, centre) <= metres) for (const id of ids) found.add(id);
    }
    return found;
  }

  private drop(id: string): void {
    const keys = this.keysOfService.get(id);
    if (!keys) return;
    keys.needs.forEach((code) => removeFrom(this.byNeed, code, id));
    keys.communities.forEach((code) => removeFrom(this.byCommunity, code, id));
    for (const word of keys.words) if (removeFrom(this.byWord, word, id)) this.vocabularyStale = true;
    this.entries.get(id)?.districts.forEach((d) => removeFrom(this.byDistrict, d.district, id));
    this.keysOfService.delete(id);
    this.entries.delete(id);
    this.active.delete(id);
  }

  private servicesWithWordStarting(prefix: string): ReadonlySet<string> {
    const exact = this.byWord.get(prefix);
    if (this.vocabularyStale) {
      this.vocabulary = [...this.byWord.keys()].sort();
      this.vocabularyStale = false;
    }
    let low = 0;
    let high = this.vocabulary.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.vocabulary[mid] < prefix) low = mid + 1;
      else high = mid;
    }
    const found = new Set<string>(exact);
    for (let i = low; i < this.vocabulary.length && this.vocabulary[i].startsWith(prefix); i++) {
      for (const id of this.byWord.get(this.vocabulary[i]) ?? []) found.add(id);
    }
    return found;
  }
}

function sameKeys(a: SearchKeys, b: SearchKeys): boolean {
  const same = (x: string[], y: string[]) => x === y || (x.length === y.length && x.every((v, i) => v === y[i]));
  return same(a.needs, b.needs) && same(a.communities, b.communities) && same(a.words, b.words);
}

function addTo(index: Map<string, Set<string>>, key: string, id: string): void {
  const ids = index.get(key);
  if (ids) ids.add(id);
  else index.set(key, new Set([id]));
}

/** True when the key's last id went, so the key itself is gone. */
function removeFrom(index: Map<string, Set<string>>, key: string, id: string): boolean {
  const ids = index.get(key);
  ids?.delete(id);
  if (ids?.size !== 0) return false;
  index.delete(key);
  return true;
}
