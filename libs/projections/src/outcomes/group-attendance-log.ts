import type { RecordedEvent } from '@onedoor/event-store';
import { Projection, domainEventOf } from '../projection';

export interface GroupSession {
  sessionId: string;
  serviceId: string;
  partnerId: string;
  occurredOn: string;
  count: number;
}

/** Light-touch group sessions and their head counts: attendances, never participants. */
export class GroupAttendanceLog implements Projection {
  readonly name = 'group-attendance-log';
  private readonly sessions: GroupSession[] = [];

  apply(recorded: RecordedEvent): void {
    if (recorded.type !== 'GroupAttendanceRecorded') return;
    const event = domainEventOf(recorded);
    if (event.type !== 'GroupAttendanceRecorded') return;
    const { sessionId, serviceId, partnerId, occurredOn, count } = event.data;
    this.sessions.push({ sessionId, serviceId, partnerId, occurredOn, count });
  }

  reset(): void {
    this.sessions.length = 0;
  }

  all(partnerId?: string): GroupSession[] {
    return this.sessions.filter((s) => partnerId === undefined || s.partnerId === partnerId).map((s) => ({ ...s }));
  }
}
