import { ensure } from '../shared/rule-violation';

/** What a partner offers, as staff at the front door need to know it. */
export interface ServiceDescription {
  name: string;
  description: string;
  /** Needs met, as taxonomy term ids (e.g. `employment`, `debt-advice`). */
  needs: string[];
  /** Localities served (towns, wards, postcode districts). */
  localities: string[];
  /** Communities served (e.g. `carers`, `young-people`, `veterans`). */
  communities: string[];
  eligibility: Eligibility;
}

export interface Eligibility {
  minimumAge?: number;
  maximumAge?: number;
  description?: string;
}

export const CAPACITY_UNITS = ['places', 'appointments-per-week', 'hours-per-week', 'sessions-per-month'] as const;
export type CapacityUnit = (typeof CAPACITY_UNITS)[number];

/**
 * Whether a full service still takes referrals onto its waitlist. Only matters when nothing is available:
 * a service with places free takes referrals whatever its waitlist says.
 */
export const WAITLIST_STATUSES = ['open', 'closed'] as const;
export type WaitlistStatus = (typeof WAITLIST_STATUSES)[number];

export interface Capacity {
  available: number;
  maximum: number;
  unit: CapacityUnit;
}

export function ensureValidDescription(d: Partial<ServiceDescription>): void {
  if (d.name !== undefined) ensure(d.name.trim().length > 0, 'service.name-required', 'a service needs a name');
  if (d.needs !== undefined) ensure(d.needs.length > 0, 'service.needs-required', 'a service meets at least one need');
  const e = d.eligibility;
  if (e) {
    for (const age of [e.minimumAge, e.maximumAge]) {
      ensure(age === undefined || (Number.isInteger(age) && age >= 0 && age <= 130), 'service.age-out-of-range', 'ages are whole years from 0 to 130');
    }
    ensure(
      e.minimumAge === undefined || e.maximumAge === undefined || e.minimumAge <= e.maximumAge,
      'service.age-range-inverted',
      'minimum age cannot exceed maximum age',
    );
  }
}

export function ensureValidCapacity(c: Capacity): void {
  ensure(CAPACITY_UNITS.includes(c.unit), 'service.capacity-unit-unknown', `capacity unit must be one of ${CAPACITY_UNITS.join(', ')}`);
  ensure(Number.isInteger(c.maximum) && c.maximum >= 0, 'service.capacity-maximum-invalid', 'maximum capacity is a whole number, 0 or more');
  ensure(Number.isInteger(c.available) && c.available >= 0, 'service.capacity-available-invalid', 'available capacity is a whole number, 0 or more');
  ensure(c.available <= c.maximum, 'service.capacity-exceeds-maximum', 'available capacity cannot exceed the maximum');
}

/** Whether a person of this age (if known) is eligible by age. */
export function ageFits(eligibility: Eligibility, age: number | undefined): boolean {
  if (age === undefined) return true;
  return (eligibility.minimumAge ?? 0) <= age && age <= (eligibility.maximumAge ?? 130);
}
