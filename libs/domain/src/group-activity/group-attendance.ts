import { Actor } from '../shared/actor';
import { Decider } from '../shared/decider';
import { ensure } from '../shared/rule-violation';
import { isCalendarDate } from '../contract/contract-terms';
import { ActedBy } from '../referral/referral-events';

/**
 * Light-touch recording: how many came to a group session (a choir, a café, a drop-in), with no names and
 * no per-person forms. Stream `group-attendance-<serviceId>`. Reports count these as attendances beside
 * casework; they never become participants, so they count toward no individual's milestones.
 */
export type GroupAttendanceRecorded = {
  type: 'GroupAttendanceRecorded';
  data: { serviceId: string; sessionId: string; partnerId: string; occurredOn: string; count: number; at: string; by: ActedBy };
};
export type GroupAttendanceEvent = GroupAttendanceRecorded;

export const MAX_GROUP_ATTENDANCE = 5000;

export interface RecordGroupAttendance {
  type: 'RecordGroupAttendance';
  serviceId: string;
  sessionId: string;
  occurredOn: string;
  count: number;
  /** The service as the catalogue knows it. */
  service: { exists: boolean; partnerId?: string; active: boolean };
  actor: Actor;
  at: string;
}
export type GroupAttendanceCommand = RecordGroupAttendance;

export interface GroupAttendanceState {
  sessionIds: string[];
}
export const initialGroupAttendanceState: GroupAttendanceState = { sessionIds: [] };

function decide(command: GroupAttendanceCommand, state: GroupAttendanceState): GroupAttendanceEvent[] {
  const { service, actor } = command;
  ensure(service.exists, 'group.service-not-found', `no service ${command.serviceId}`, 'not-found');
  ensure(service.partnerId === actor.partnerId, 'group.not-your-service', "a partner records attendance at its own services' sessions", 'forbidden');
  ensure(service.active, 'group.service-not-active', 'the service is withdrawn');
  ensure(isCalendarDate(command.occurredOn), 'group.date-invalid', 'occurredOn is a date, YYYY-MM-DD');
  ensure(command.occurredOn <= command.at.slice(0, 10), 'group.date-in-future', 'attendance is recorded once the session has happened');
  ensure(Number.isInteger(command.count) && command.count >= 0 && command.count <= MAX_GROUP_ATTENDANCE, 'group.count-invalid', `count is a whole number from 0 to ${MAX_GROUP_ATTENDANCE}`);
  ensure(!state.sessionIds.includes(command.sessionId), 'group.session-already-recorded', `session ${command.sessionId} is already recorded`, 'conflict');
  return [
    {
      type: 'GroupAttendanceRecorded',
      data: { serviceId: command.serviceId, sessionId: command.sessionId, partnerId: actor.partnerId, occurredOn: command.occurredOn, count: command.count, at: command.at, by: { staffId: actor.staffId, partnerId: actor.partnerId } },
    },
  ];
}

function evolve(state: GroupAttendanceState, event: GroupAttendanceEvent): GroupAttendanceState {
  return { sessionIds: [...state.sessionIds, event.data.sessionId] };
}

export const groupAttendanceDecider: Decider<GroupAttendanceCommand, GroupAttendanceEvent, GroupAttendanceState> = {
  initialState: initialGroupAttendanceState,
  decide,
  evolve,
};
