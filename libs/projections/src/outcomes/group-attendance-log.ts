import type { RecordedEvent } from '@onedoor/event-store';
import { SnapshottedProjection, domainEventOf } from '../projection';
import { listOf, snapshotShaped } from '../checkpoints/snapshot-shape';

export interface GroupSession {
  sessionId: string;
  serviceId: string;
  partnerId: string;
  occurredOn: string;
  count: number;
}

/** Light-touch group sessions and their head counts: attendances, never participants. */
export class GroupAttendanceLog implements SnapshottedProjection {
  readonly name = 'group-attendance-log';
  readonly snapshotVersion: number = 1;
  private sessions: GroupSession[] = [];

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

  snapshot(): { sessions: GroupSession[] } {
    return { sessions: this.sessions };
  }

  restore(state: unknown): void {
    const saved = snapshotShaped<{ sessions: unknown }>(state, this.name, ['sessions']);
    this.sessions = listOf<GroupSession>(saved.sessions, this.name, 'sessions');
  }

  all(partnerId?: string): GroupSession[] {
    return this.sessions.filter((s) => partnerId === undefined || s.partnerId === partnerId).map((s) => ({ ...s }));
  }
}
