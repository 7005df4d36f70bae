import type { Actor } from '@onedoor/domain';

export class RecordGroupAttendanceCommand {
  constructor(readonly serviceId: string, readonly sessionId: string, readonly occurredOn: string, readonly count: number, readonly actor: Actor) {}
}

export class RecordEmploymentCommand {
  constructor(readonly personId: string, readonly change: { type: 'RecordEmploymentStart'; startedOn: string } | { type: 'RecordEmploymentEnd'; endedOn: string }, readonly actor: Actor) {}
}
