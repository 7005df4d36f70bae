import type { DeliveryPosition, Load, Responsiveness } from '@onedoor/projections';

/**
 * How routing suggestions are ranked: a transparent sum of weighted parts, each from 0 to 1, so a score
 * out of 100 can be explained part by part. Fit to the person's needs weighs most; then places free and
 * distance; then how the partner has answered referrals and where it stands against its delivery target
 * (a partner behind its target gains, one ahead gives way); then open work against capacity.
 */
export const ROUTING_WEIGHTS = { needs: 40, capacity: 20, distance: 15, responsiveness: 10, delivery: 10, load: 5 } as const;
export type ScorePart = keyof typeof ROUTING_WEIGHTS;

/** Distance at which the distance part reaches 0 (the width of the valley, roughly). */
export const DISTANCE_ZERO_KM = 25;
/** A median time to accept at or under a day scores full marks for speed; ten days or more scores none. */
const FAST_HOURS = 24;
const SLOW_HOURS = 240;

export const NO_DELIVERY_TARGETS_NOTE =
  'Delivery targets are not available in this deployment (the insights service is not running beside the directory): every partner scores half marks on delivery.';

export interface RoutingCandidate {
  serviceId: string;
  name: string;
  partnerId: string;
  requestedNeeds: string[];
  needsMet: string[];
  capacity: { available: number; maximum: number; unit: string };
  load: Load;
  responsiveness: Responsiveness;
  distanceKm?: number;
  nearestDistrict?: string;
  /** Where the person is, when known (`HX1`). */
  personDistrict?: string;
  /** The partner's position against its referrals-accepted target, when it has one. */
  delivery?: DeliveryPosition;
}

export interface ScoredCandidate extends RoutingCandidate {
  score: number;
  scoreParts: Record<ScorePart, number>;
  reasons: string[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const clamp01 = (n: number) => Math.min(1, Math.max(0, n));
const percent = (n: number) => `${Math.round(n * 100)}%`;
const unitName = (unit: string) => unit.replace(/-/g, ' ');

export function scoreCandidate(c: RoutingCandidate): ScoredCandidate {
  const fractions: Record<ScorePart, number> = {
    needs: c.requestedNeeds.length ? c.needsMet.length / c.requestedNeeds.length : 0,
    capacity: c.capacity.maximum > 0 ? clamp01(c.capacity.available / c.capacity.maximum) : 0,
    // Unknown distance is neither rewarded nor punished: half marks.
    distance: c.distanceKm !== undefined ? clamp01(1 - c.distanceKm / DISTANCE_ZERO_KM) : 0.5,
    responsiveness: responsivenessFraction(c.responsiveness),
    delivery: deliveryFraction(c.delivery),
    load: c.capacity.maximum > 0 ? clamp01(1 - c.load.open / c.capacity.maximum) : 0,
  };
  const scoreParts = Object.fromEntries((Object.keys(ROUTING_WEIGHTS) as ScorePart[]).map((part) => [part, round1(fractions[part] * ROUTING_WEIGHTS[part])])) as Record<ScorePart, number>;
  const score = round1(Object.values(scoreParts).reduce((sum, part) => sum + part, 0));
  return { ...c, score, scoreParts, reasons: reasonsFor(c) };
}

function responsivenessFraction(r: Responsiveness): number {
  // No answers in the window: no evidence either way, half marks.
  if (r.acceptanceRate === undefined) return 0.5;
  const speed = r.medianHoursToAccept === undefined ? 0 : clamp01((SLOW_HOURS - r.medianHoursToAccept) / (SLOW_HOURS - FAST_HOURS));
  return r.acceptanceRate * speed;
}

/**
 * Half marks on track (or with no target); rising to full marks with nothing accepted of what was expected
 * by now, falling to none at twice what was expected.
 */
function deliveryFraction(d: DeliveryPosition | undefined): number {
  if (!d || d.expectedToDate <= 0) return 0.5;
  return clamp01(1 - d.actual / (2 * d.expectedToDate));
}

function deliveryReason(d: DeliveryPosition | undefined): string {
  if (!d) return 'no delivery target for accepted referrals';
  const gap = d.expectedToDate - d.actual;
  const standing = gap > 0 ? `${gap} behind` : gap < 0 ? `${-gap} ahead` : 'on track';
  return `accepted ${d.actual} referral(s) against ${d.expectedToDate} expected by now (target ${d.target} in ${d.contractName}): ${standing}`;
}

function reasonsFor(c: RoutingCandidate): string[] {
  const missed = c.requestedNeeds.filter((n) => !c.needsMet.includes(n));
  const reasons = [`meets ${c.needsMet.join(' and ')}${missed.length ? ` (not ${missed.join(', ')})` : ''}`];
  if (c.distanceKm !== undefined) reasons.push(`${c.distanceKm} km from ${c.personDistrict} (delivered in ${c.nearestDistrict})`);
  else reasons.push(c.personDistrict ? `distance unknown: not delivered in a postcode district with a known centre` : `distance unknown: the person's postcode is not known`);
  const { available, maximum, unit } = c.capacity;
  reasons.push(
    available > 0
      ? `${available} of ${maximum} ${unitName(unit)} free`
      : `no ${unitName(unit)} free: the referral would join its waitlist${c.load.waitlisted ? ` (${c.load.waitlisted} already waiting)` : ''}`,
  );
  const r = c.responsiveness;
  if (r.acceptanceRate === undefined) reasons.push('no referrals answered in the last 90 days');
  else {
    const speed = r.medianHoursToAccept !== undefined ? `, median ${formatHours(r.medianHoursToAccept)} to accept` : '';
    reasons.push(`accepts ${percent(r.acceptanceRate)} of referrals${speed} (${r.answered} answered in the last 90 days)`);
  }
  reasons.push(deliveryReason(c.delivery));
  reasons.push(`${c.load.open} open referral(s) against a maximum of ${maximum} ${unitName(unit)}`);
  return reasons;
}

function formatHours(hours: number): string {
  return hours < 48 ? `${round1(hours)} h` : `${round1(hours / 24)} days`;
}

/**
 * Highest score first (ties by name), each saying why it sits above the next: the parts it leads on and
 * any it trails on, in points.
 */
export function rankCandidates(candidates: RoutingCandidate[]): (ScoredCandidate & { rank: number; why: string })[] {
  const scored = candidates.map(scoreCandidate).sort((a, b) => b.score - a.score || a.name.localeCompare(b.name) || a.serviceId.localeCompare(b.serviceId));
  return scored.map((s, i) => ({ ...s, rank: i + 1, why: whyAbove(s, scored[i + 1]) }));
}

function whyAbove(s: ScoredCandidate, next: ScoredCandidate | undefined): string {
  if (!next) return `score ${s.score} of 100; nothing ranks below it`;
  const diffs = (Object.keys(ROUTING_WEIGHTS) as ScorePart[]).map((part) => ({ part, points: round1(s.scoreParts[part] - next.scoreParts[part]) })).filter((d) => d.points !== 0);
  const leads = diffs.filter((d) => d.points > 0).sort((a, b) => b.points - a.points).map((d) => `${d.part} +${d.points}`);
  const trails = diffs.filter((d) => d.points < 0).sort((a, b) => a.points - b.points).map((d) => `${d.part} ${d.points}`);
  const gap = round1(s.score - next.score);
  if (gap === 0) return `score ${s.score} of 100, level with ${next.name}; listed first by name`;
  return `score ${s.score} of 100, ${gap} above ${next.name}: ${leads.length ? `ahead on ${leads.join(', ')}` : 'level on every part'}${trails.length ? `; behind on ${trails.join(', ')}` : ''}`;
}
