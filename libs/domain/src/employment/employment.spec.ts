import { given } from '../testing/given-when-then';
import { Actor } from '../shared/actor';
import { EmploymentCommand, EmploymentEvent, employmentDecider } from './employment';

const at = '2026-05-01T09:00:00.000Z';
const works: Actor = { staffId: 'st-w', partnerId: 'works', managesConsortium: false };
const hub: Actor = { staffId: 'st-h', partnerId: 'hub', managesConsortium: true };
const by = { staffId: 'st-w', partnerId: 'works' };
const start = (changes: object = {}): EmploymentCommand => ({ type: 'RecordEmploymentStart', personId: 'p1', startedOn: '2026-04-20', personStatus: 'registered', actorMaySee: true, actor: works, at, ...changes });
const end = (changes: object = {}): EmploymentCommand => ({ type: 'RecordEmploymentEnd', endedOn: '2026-04-30', personStatus: 'registered', actorMaySee: true, actor: works, at, ...changes });
const started: EmploymentEvent = { type: 'EmploymentStarted', data: { personId: 'p1', spellId: 'p1-1', startedOn: '2026-04-20', partnerId: 'works', at, by } };
const ended: EmploymentEvent = { type: 'EmploymentEnded', data: { personId: 'p1', spellId: 'p1-1', endedOn: '2026-04-30', at, by } };

describe('employment spells', () => {
  it('a partner records a start, credited to it', () => {
    given(employmentDecider, []).when(start()).then([started]);
  });
  it('and the end of that spell', () => {
    given(employmentDecider, [started]).when(end()).then([ended]);
  });
  it('a second spell gets its own id and starts after the first ended', () => {
    const [next] = given(employmentDecider, [started, ended]).when(start({ startedOn: '2026-05-01' })).events();
    expect(next).toMatchObject({ data: { spellId: 'p1-2', startedOn: '2026-05-01' } });
    given(employmentDecider, [started, ended]).when(start({ startedOn: '2026-04-25' })).thenViolates('employment.overlaps-previous');
  });
  it('the hub may record for anyone; other partners need consent', () => {
    expect(given(employmentDecider, []).when(start({ actor: hub, actorMaySee: false })).events()).toHaveLength(1);
    given(employmentDecider, []).when(start({ actorMaySee: false })).thenViolates('employment.not-permitted', 'forbidden');
  });
  it('needs a registered, unerased person', () => {
    given(employmentDecider, []).when(start({ personStatus: 'unknown' })).thenViolates('employment.person-not-found', 'not-found');
    given(employmentDecider, []).when(start({ personStatus: 'erased' })).thenViolates('employment.person-erased', 'conflict');
  });
  it('dates are real, not in the future, and an end is not before its start', () => {
    given(employmentDecider, []).when(start({ startedOn: '2026-02-31' })).thenViolates('employment.date-invalid');
    given(employmentDecider, []).when(start({ startedOn: '2026-05-02' })).thenViolates('employment.date-in-future');
    given(employmentDecider, [started]).when(end({ endedOn: 'soon' })).thenViolates('employment.date-invalid');
    given(employmentDecider, [started]).when(end({ endedOn: '2026-06-01' })).thenViolates('employment.date-in-future');
    given(employmentDecider, [started]).when(end({ endedOn: '2026-04-19' })).thenViolates('employment.end-before-start');
  });
  it('one spell at a time', () => {
    given(employmentDecider, [started]).when(start()).thenViolates('employment.already-in-work', 'conflict');
    given(employmentDecider, []).when(end()).thenViolates('employment.not-in-work', 'conflict');
  });
});
