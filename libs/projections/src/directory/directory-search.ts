import { normalisedText } from '../normalised-text';
import type { DirectoryService } from './directory-records';
import { termNameOf } from './directory-taxonomy';
import { LatLong, districtCentroid, distanceInMetres } from './uk-postcode';

/**
 * What staff search the directory by. Every criterion given must hold (AND); only active services
 * are ever found. Codes are the partners' own (`employment`, `carers`), words are already split with
 * `searchWordsOf`.
 */
export interface DirectorySearch {
  need?: string;
  community?: string;
  /** Each word must begin a word of the service's name, description, eligibility, needs, communities, localities or partner name. */
  words?: string[];
  /** Measure from here; with `withinMetres`, only services delivered in a district whose centre is that close. */
  near?: { from: LatLong; withinMetres?: number };
  /** A person of this age is eligible. */
  age?: number;
  /** true: some places free now; false: none free (new referrals join its waitlist). */
  hasCapacity?: boolean;
  /** Which hits to return, after ordering (nearest first when `near`, else by name). */
  offset: number;
  limit: number;
}

export interface DirectorySearchHit {
  service: DirectoryService;
  /** From `near.from` to the centre of the nearest district the service is delivered in, where known. */
  distanceMetres?: number;
  nearestDistrict?: string;
}

export interface DirectorySearchResult {
  total: number;
  hits: DirectorySearchHit[];
}

/** A service's postcode district with its centre, where the offline table knows it. */
export interface SearchDistrict {
  district: string;
  latitude?: number;
  longitude?: number;
}

/** The small part of a service that search filters and orders on, kept beside the index so a search never reads whole services. */
export interface SearchEntry {
  id: string;
  name: string;
  minimumAge?: number;
  maximumAge?: number;
  available: number;
  districts: SearchDistrict[];
}

/** The index keys of an active service: its need and community codes and the words of its text. */
export interface SearchKeys {
  needs: string[];
  communities: string[];
  words: string[];
}

/** Words as search sees them: case, accents and punctuation do not matter ("Carers' Café" → carers, cafe). */
export function searchWordsOf(text: string): string[] {
  return [...new Set(normalisedText(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean))];
}

export function searchEntryOf(service: DirectoryService): SearchEntry {
  return {
    id: service.id,
    name: service.name,
    ...(service.eligibility.minimumAge !== undefined ? { minimumAge: service.eligibility.minimumAge } : {}),
    ...(service.eligibility.maximumAge !== undefined ? { maximumAge: service.eligibility.maximumAge } : {}),
    available: service.capacity.available,
    districts: [...new Set(service.serviceAreas.flatMap((a) => (a.postcodeDistrict ? [a.postcodeDistrict] : [])))].map((district) => ({ district, ...districtCentroid(district) })),
  };
}

/**
 * Undefined for an inactive service: search finds active services only, so they are not indexed at all.
 * `wordsOf` lets an index reuse the words of text it has already split (a capacity change leaves the text as it was).
 */
export function searchKeysOf(service: DirectoryService, organizationName: string | undefined, wordsOf: (text: string) => string[] = searchWordsOf): SearchKeys | undefined {
  if (service.status !== 'active') return undefined;
  const needs = service.terms.filter((t) => t.taxonomy === 'needs').map((t) => t.code);
  const communities = service.terms.filter((t) => t.taxonomy === 'communities').map((t) => t.code);
  return { needs, communities, words: wordsOf(searchTextOf(service, organizationName)) };
}

/** Everything search looks for words in, as one text. */
export function searchTextOf(service: DirectoryService, organizationName: string | undefined): string {
  const codes = service.terms.map((t) => t.code);
  return [
    service.name,
    service.description,
    service.eligibility.description ?? '',
    organizationName ?? '',
    ...codes.flatMap((code) => [code, termNameOf(code)]),
    ...service.localities,
  ].join(' ');
}

const collator = new Intl.Collator();

/**
 * The filters the index cannot answer (age, capacity, distance), then the order: nearest first when measuring,
 * else by name. `nameRank`, when the caller keeps one, orders by name with integer comparisons instead of
 * collating names at every search (the cost that dominates broad searches over thousands of services).
 */
export interface PlacedEntry {
  entry: SearchEntry;
  distanceMetres?: number;
  nearestDistrict?: string;
}

export function filterAndOrder(
  entries: Iterable<SearchEntry>,
  search: DirectorySearch,
  nameRank?: (id: string) => number,
): { total: number; page: PlacedEntry[] } {
  const near = search.near;
  // A few dozen districts at most: measure each once per search, not once per service.
  const districtDistances = new Map<string, number | undefined>();
  const distanceTo = (d: SearchDistrict) => {
    if (!districtDistances.has(d.district)) {
      districtDistances.set(d.district, d.latitude === undefined || d.longitude === undefined ? undefined : distanceInMetres(near!.from, { latitude: d.latitude, longitude: d.longitude }));
    }
    return districtDistances.get(d.district);
  };
  const placed: PlacedEntry[] = [];
  for (const e of entries) {
    if (search.age !== undefined && ((e.minimumAge ?? 0) > search.age || search.age > (e.maximumAge ?? 130))) continue;
    if (search.hasCapacity !== undefined && e.available > 0 !== search.hasCapacity) continue;
    if (!near) {
      placed.push({ entry: e });
      continue;
    }
    let distanceMetres: number | undefined;
    let nearestDistrict: string | undefined;
    for (const d of e.districts) {
      const metres = distanceTo(d);
      if (metres !== undefined && (distanceMetres === undefined || metres < distanceMetres)) [distanceMetres, nearestDistrict] = [metres, d.district];
    }
    if (near.withinMetres !== undefined && (distanceMetres === undefined || distanceMetres > near.withinMetres)) continue;
    placed.push(distanceMetres === undefined ? { entry: e } : { entry: e, distanceMetres, nearestDistrict });
  }
  const byName = nameRank
    ? (a: SearchEntry, b: SearchEntry) => nameRank(a.id) - nameRank(b.id)
    : (a: SearchEntry, b: SearchEntry) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  // Services with no known distance (delivered in "Calderdale", say) come after every measured one.
  const far = Number.POSITIVE_INFINITY;
  const order = near ? (a: PlacedEntry, b: PlacedEntry) => (a.distanceMetres ?? far) - (b.distanceMetres ?? far) || byName(a.entry, b.entry) : (a: PlacedEntry, b: PlacedEntry) => byName(a.entry, b.entry);
  return { total: placed.length, page: firstInOrder(placed, search.offset + search.limit, order).slice(search.offset) };
}

/**
 * The first `count` items in order without sorting them all: a broad search matches thousands, a page
 * shows twenty. Keeps a sorted buffer of the best so far; most items lose to its last at one comparison.
 */
function firstInOrder<T>(items: T[], count: number, order: (a: T, b: T) => number): T[] {
  if (items.length <= count * 4) return items.sort(order).slice(0, count);
  const best: T[] = [];
  for (const item of items) {
    if (best.length === count && order(item, best[count - 1]) >= 0) continue;
    let at = best.length;
    while (at > 0 && order(item, best[at - 1]) < 0) at -= 1;
    best.splice(at, 0, item);
    if (best.length > count) best.pop();
  }
  return best;
}

/** Orders services by name as search does: collated, then by id. */
export function compareByName(a: { name: string; id: string }, b: { name: string; id: string }): number {
  return collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Intersects id sets smallest first, so the cost follows the most selective criterion. */
export function intersectAll(sets: ReadonlySet<string>[]): Set<string> {
  if (sets.length === 0) return new Set();
  const [smallest, ...rest] = [...sets].sort((a, b) => a.size - b.size);
  const result = new Set<string>();
  for (const id of smallest) if (rest.every((s) => s.has(id))) result.add(id);
  return result;
}
