import type { RecordedEvent } from '@onedoor/event-store';

/** Where each older event type keeps its business time; newer events (referrals, contracts, outcomes) use `at`. */
const TIME_FIELD: Record<string, string> = {
  ConsortiumFormed: 'formedAt',
  PartnerJoined: 'joinedAt',
  PartnerLeft: 'leftAt',
  ServiceListed: 'listedAt',
  ServiceUpdated: 'updatedAt',
  ServiceCapacityUpdated: 'updatedAt',
  ServiceWaitlistChanged: 'changedAt',
  ServiceWithdrawn: 'withdrawnAt',
  PersonRegistered: 'registeredAt',
  PersonDetailsCorrected: 'correctedAt',
  ConsentGiven: 'givenAt',
  ConsentWithdrawn: 'withdrawnAt',
  // When the lapse was recorded, not when it fell due: before the record the log did not say it.
  ConsentExpired: 'recordedAt',
  PersonErased: 'erasedAt',
};

/**
 * When an event happened on the business clock (the platform's Clock when the command ran), as epoch ms.
 * Time travel uses this, not the store's `recordedAt`: the business clock is what the domain decided with,
 * it is the same in every copy of the log (a restore or a migration to another store rewrites commit times),
 * and tests and imports can set it. An event without one is treated as timeless (always included).
 */
export function businessTimeOf(event: Pick<RecordedEvent, 'type' | 'data'>): number | undefined {
  const value = event.data[TIME_FIELD[event.type] ?? 'at'];
  if (typeof value !== 'string') return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
}
