import { given } from '../testing/given-when-then';
import { Actor } from '../shared/actor';
import { GroupAttendanceCommand, GroupAttendanceEvent, groupAttendanceDecider } from './group-attendance';

const at = '2026-05-01T19:00:00.000Z';
const minds: Actor = { staffId: 'st-m', partnerId: 'minds', managesConsortium: false };
const other: Actor = { staffId: 'st-o', partnerId: 'other', managesConsortium: true };
const record = (changes: object = {}): GroupAttendanceCommand => ({
  type: 'RecordGroupAttendance', serviceId: 'choir', sessionId: 's1', occurredOn: '2026-05-01', count: 23, service: { exists: true, partnerId: 'minds', active: true }, actor: minds, at, ...changes,
});
const recorded: GroupAttendanceEvent = {
  type: 'GroupAttendanceRecorded', data: { serviceId: 'choir', sessionId: 's1', partnerId: 'minds', occurredOn: '2026-05-01', count: 23, at, by: { staffId: 'st-m', partnerId: 'minds' } },
};

describe('group attendance (light-touch)', () => {
  it('a partner records a date and a count for a session of its own service, with no names', () => {
    given(groupAttendanceDecider, []).when(record()).then([recorded]);
  });
  it('an empty session is a fact too', () => {
    expect(given(groupAttendanceDecider, []).when(record({ count: 0 })).events()[0].data.count).toBe(0);
  });
  it('only for a known, active service of the recording partner (the hub included)', () => {
    given(groupAttendanceDecider, []).when(record({ service: { exists: false, active: false } })).thenViolates('group.service-not-found', 'not-found');
    given(groupAttendanceDecider, []).when(record({ actor: other })).thenViolates('group.not-your-service', 'forbidden');
    given(groupAttendanceDecider, []).when(record({ service: { exists: true, partnerId: 'minds', active: false } })).thenViolates('group.service-not-active');
  });
  it('a real date, not in the future; a whole count within reason', () => {
    given(groupAttendanceDecider, []).when(record({ occurredOn: '2026-13-01' })).thenViolates('group.date-invalid');
    given(groupAttendanceDecider, []).when(record({ occurredOn: '2026-05-02' })).thenViolates('group.date-in-future');
    for (const count of [-1, 2.5, 5001]) given(groupAttendanceDecider, []).when(record({ count })).thenViolates('group.count-invalid');
  });
  it('a session is recorded once', () => {
    given(groupAttendanceDecider, [recorded]).when(record()).thenViolates('group.session-already-recorded', 'conflict');
  });
});
