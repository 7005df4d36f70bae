import type { RoutingTarget } from '@onedoor/domain';
import { Scenario, amira, front, seedConsortium } from './testing/scenario';

/** Spec helpers for the read models fed by referral traffic (service load, partner responsiveness). */
export const dayAt = (month: number, d: number, hour = 9) => `2026-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;

export async function seededWithPerson(): Promise<Scenario> {
  const s = new Scenario();
  await seedConsortium(s);
  await s.register('p1', amira, front, '2026-03-01T10:00:00.000Z');
  return s;
}

export async function routed(s: Scenario, referralId: string, to: RoutingTarget, at: string): Promise<void> {
  await s.referral(referralId, {
    type: 'CreateReferral', referralId, personId: 'p1', person: await s.facts('p1'), needs: ['employment'], urgency: 'routine',
    routing: { target: to }, actor: front, at,
  });
}
