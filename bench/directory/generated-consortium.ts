import { CAPACITY_UNITS, EVENT_SCHEMA_VERSIONS, DomainEvent } from '@onedoor/domain';
import { seededRandom } from '@onedoor/projections/testing/seeded-random';
export { seededRandom };

/**
 * A large, deterministic consortium for the directory benchmark: partners, services spread over the
 * districts whose centres we know, and referral traffic. Events are plain domain events (type + data),
 * the same shapes the deciders emit, so the real projections consume them.
 */

const NEEDS = ['employment', 'education', 'mental-health', 'social-isolation', 'housing', 'debt', 'benefits', 'carers-support', 'food-bank', 'digital-inclusion', 'substance-use', 'domestic-abuse', 'physical-activity', 'legal-advice', 'immigration', 'parenting', 'disability', 'bereavement', 'veterans-support', 'homelessness'];
const COMMUNITIES = ['carers', 'young-people', 'older-people', 'refugees', 'veterans', 'care-leavers', 'lgbtq', 'women', 'men', 'ex-offenders'];
const DISTRICTS = ['HX1', 'HX2', 'HX3', 'HX4', 'HX5', 'HX6', 'HX7', 'HD1', 'HD2', 'HD3', 'HD6', 'BD1', 'BD3', 'BD5', 'LS1', 'LS6', 'LS11', 'OL14', 'OL13', 'OL12'];
const TOWNS = ['Halifax', 'Brighouse', 'Elland', 'Todmorden', 'Hebden Bridge', 'Sowerby Bridge', 'Huddersfield', 'Bradford', 'Leeds', 'Rochdale', 'Calderdale'];
const WORDS = ['advice', 'support', 'group', 'drop-in', 'coaching', 'casework', 'club', 'clinic', 'workshop', 'mentoring', 'helpline', 'outreach', 'befriending', 'training', 'café', 'hub', 'service', 'project', 'programme', 'network'];
const ADJECTIVES = ['weekly', 'one-to-one', 'peer', 'community', 'specialist', 'family', 'evening', 'online', 'local', 'intensive'];

export const BENCH_CONSORTIUM = 'bench';
export const BENCH_PARTNERS = 60;
export { NEEDS as BENCH_NEEDS, COMMUNITIES as BENCH_COMMUNITIES, DISTRICTS as BENCH_DISTRICTS, WORDS as BENCH_WORDS };


const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1) + minutes * 60_000).toISOString();

export interface StreamedEvent {
  stream: string;
  event: DomainEvent;
}

/** The consortium, its partners and `services` services, one ServiceListed each. */
export function* directoryEvents(services: number, random = seededRandom(42)): Generator<StreamedEvent> {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const some = <T>(list: readonly T[], max: number) => [...new Set(Array.from({ length: 1 + Math.floor(random() * max) }, () => pick(list)))];
  yield { stream: `consortium-${BENCH_CONSORTIUM}`, event: { type: 'ConsortiumFormed', data: { consortiumId: BENCH_CONSORTIUM, name: 'Benchmark Consortium', structure: 'umbrella', formedAt: at(0) } } as DomainEvent };
  for (let p = 0; p < BENCH_PARTNERS; p++) {
    yield { stream: `consortium-${BENCH_CONSORTIUM}`, event: { type: 'PartnerJoined', data: { consortiumId: BENCH_CONSORTIUM, partnerId: `partner-${p}`, name: `Partner ${p} ${pick(WORDS)} trust`, role: p === 0 ? 'hub' : 'delivery', joinedAt: at(1) } } as DomainEvent };
  }
  for (let s = 0; s < services; s++) {
    const minimumAge = random() < 0.6 ? pick([0, 11, 16, 18, 25]) : undefined;
    const maximumAge = random() < 0.3 ? pick([18, 24, 25, 64, 130]) : undefined;
    const maximum = 5 + Math.floor(random() * 40);
    yield {
      stream: `service-svc-${s}`,
      event: {
        type: 'ServiceListed',
        data: {
          serviceId: `svc-${s}`, partnerId: `partner-${1 + (s % (BENCH_PARTNERS - 1))}`, listedAt: at(2 + s),
          name: `${pick(TOWNS)} ${pick(ADJECTIVES)} ${pick(WORDS)} ${s}`,
          description: `A ${pick(ADJECTIVES)} ${pick(WORDS)} offering ${pick(WORDS)} and ${pick(WORDS)} for people in ${pick(TOWNS)}.`,
          needs: some(NEEDS, 3), localities: [...some(DISTRICTS, 2), pick(TOWNS)], communities: random() < 0.4 ? some(COMMUNITIES, 2) : [],
          eligibility: { ...(minimumAge !== undefined ? { minimumAge } : {}), ...(maximumAge !== undefined && (minimumAge ?? 0) <= maximumAge ? { maximumAge } : {}) },
          capacity: { available: random() < 0.15 ? 0 : Math.floor(random() * maximum), maximum, unit: pick(CAPACITY_UNITS) },
        },
      } as DomainEvent,
    };
  }
}

/**
 * Referral traffic over the services: created, routed (waitlisted when full), then mostly accepted or
 * rejected, some completed. `referrals` referrals give about 3.6 events each.
 */
export function* referralEvents(referrals: number, services: number, random = seededRandom(7)): Generator<StreamedEvent> {
  const by = { staffId: 'staff-1', partnerId: 'partner-0' };
  for (let r = 0; r < referrals; r++) {
    const referralId = `ref-${r}`;
    const stream = `referral-${referralId}`;
    const s = Math.floor(random() * services);
    const partnerId = `partner-${1 + (s % (BENCH_PARTNERS - 1))}`;
    const start = 60 * 24 * 30 + r;
    yield { stream, event: { type: 'ReferralCreated', data: { referralId, at: at(start), by, personId: `person-${r % 20_000}`, referringPartnerId: 'partner-0', needs: [NEEDS[r % NEEDS.length]], urgency: r % 10 === 0 ? 'urgent' : 'routine', summary: { alg: 'A256GCM', iv: 'aXZpdml2aXZpdml2', tag: 'dGFndGFndGFndGFn', ciphertext: 'Y2lwaGVydGV4dCBvZiB0aGUgc3VtbWFyeQ==' } } } as DomainEvent };
    yield { stream, event: { type: 'ReferralRouted', data: { referralId, at: at(start), by, partnerId, serviceId: `svc-${s}`, respondBy: at(start + 7200), waitlisted: random() < 0.1 } } as DomainEvent };
    const answer = random();
    const answeredBy = { staffId: 'staff-2', partnerId };
    if (answer < 0.7) {
      yield { stream, event: { type: 'ReferralAccepted', data: { referralId, at: at(start + Math.floor(random() * 5000)), by: answeredBy } } as DomainEvent };
      if (random() < 0.3) yield { stream, event: { type: 'ReferralCompleted', data: { referralId, at: at(start + 20_000), by: answeredBy, outcome: { code: 'need-met' } } } as DomainEvent };
    } else if (answer < 0.85) {
      yield { stream, event: { type: 'ReferralRejected', data: { referralId, at: at(start + Math.floor(random() * 5000)), by: answeredBy, reason: { code: 'no-capacity' } } } as DomainEvent };
    }
  }
}

/** Partners changing capacity and descriptions over time: the directory's own traffic after listing. */
export function* serviceChangeEvents(count: number, services: number, random = seededRandom(11)): Generator<StreamedEvent> {
  for (let i = 0; i < count; i++) {
    const s = Math.floor(random() * services);
    const maximum = 10 + Math.floor(random() * 30);
    const event: DomainEvent =
      random() < 0.85
        ? ({ type: 'ServiceCapacityUpdated', data: { serviceId: `svc-${s}`, updatedAt: at(100_000 + i), capacity: { available: Math.floor(random() * maximum), maximum, unit: 'places' } } } as DomainEvent)
        : ({ type: 'ServiceUpdated', data: { serviceId: `svc-${s}`, updatedAt: at(100_000 + i), changes: { description: `Updated ${WORDS[i % WORDS.length]} and ${WORDS[(i * 7) % WORDS.length]} for ${TOWNS[i % TOWNS.length]}.` } } } as DomainEvent);
    yield { stream: `service-svc-${s}`, event };
  }
}

export const schemaVersionOf = (event: DomainEvent) => EVENT_SCHEMA_VERSIONS[event.type];
