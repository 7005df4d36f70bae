import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@onedoor/event-store';

/** One event bound for its own stream: the workload is single-event appends to distinct streams. */
export interface StreamEvent {
  stream: string;
  event: NewEvent;
}

/**
 * Events shaped like the app's ReferralCreated (ids, actor, needs, urgency) with metadata like the
 * platform's event codec writes. Both the store and the raw baseline serialise exactly these objects.
 */
export function referralCreatedEvents(count: number): StreamEvent[] {
  const at = new Date().toISOString();
  return Array.from({ length: count }, (_, i) => {
    const referralId = randomUUID();
    return {
      stream: `referral-${referralId}`,
      event: {
        id: randomUUID(),
        type: 'ReferralCreated',
        schemaVersion: 1,
        data: {
          referralId,
          at,
          by: { staffId: 'staff-front-door-1', partnerId: 'district-wellbeing' },
          personId: randomUUID(),
          referringPartnerId: 'district-wellbeing',
          needs: i % 3 === 0 ? ['employment', 'wellbeing'] : ['employment'],
          urgency: i % 10 === 0 ? 'urgent' : 'routine',
        },
        metadata: { staffId: 'staff-front-door-1', partnerId: 'district-wellbeing', correlationId: randomUUID() },
      },
    };
  });
}
