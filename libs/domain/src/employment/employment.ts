import { Actor } from '../shared/actor';
import { Decider } from '../shared/decider';
import { ensure } from '../shared/rule-violation';
import { isCalendarDate } from '../contract/contract-terms';
import { ActedBy } from '../referral/referral-events';

/**
 * A participant's spells in work, as partners record them (stream `employment-<personId>`): the evidence
 * for "in work for N weeks" milestones. A referral outcome's `enteredWork` is what the person said at the end
 * of support; a spell is what a partner follows up and records, start and end, so only spells count.
 */
export type EmploymentStarted = { type: 'EmploymentStarted'; data: { personId: string; spellId: string; startedOn: string; partnerId: string; at: string; by: ActedBy } };
export type EmploymentEnded = { type: 'EmploymentEnded'; data: { personId: string; spellId: string; endedOn: string; at: string; by: ActedBy } };
export type EmploymentEvent = EmploymentStarted | EmploymentEnded;

interface Base {
  actor: Actor;
  at: string;
  /** The person's status, from their own stream. */
  personStatus: 'unknown' | 'registered' | 'erased';
  /** Whether the actor's partner may act on this person (registered them, or consent covers it). */
  actorMaySee: boolean;
}
export interface RecordEmploymentStart extends Base {
  type: 'RecordEmploymentStart';
  personId: string;
  startedOn: string;
}
export interface RecordEmploymentEnd extends Base {
  type: 'RecordEmploymentEnd';
  endedOn: string;
}
export type EmploymentCommand = RecordEmploymentStart | RecordEmploymentEnd;

export interface EmploymentState {
  personId?: string;
  spells: number;
  current?: { spellId: string; startedOn: string };
  lastEndedOn?: string;
}
export const initialEmploymentState: EmploymentState = { spells: 0 };

function decide(command: EmploymentCommand, state: EmploymentState): EmploymentEvent[] {
  ensure(command.personStatus !== 'unknown', 'employment.person-not-found', 'no such person', 'not-found');
  ensure(command.personStatus !== 'erased', 'employment.person-erased', 'this person has been erased', 'conflict');
  ensure(command.actorMaySee || command.actor.managesConsortium, 'employment.not-permitted', "the person's consent does not cover your partner", 'forbidden');
  const by = { staffId: command.actor.staffId, partnerId: command.actor.partnerId };
  const today = command.at.slice(0, 10);
  if (command.type === 'RecordEmploymentStart') {
    ensure(isCalendarDate(command.startedOn), 'employment.date-invalid', 'startedOn is a date, YYYY-MM-DD');
    ensure(command.startedOn <= today, 'employment.date-in-future', 'a start is recorded once it has happened');
    ensure(!state.current, 'employment.already-in-work', 'this person is already recorded as in work; record the end of that spell first', 'conflict');
    ensure(!state.lastEndedOn || command.startedOn > state.lastEndedOn, 'employment.overlaps-previous', `a new spell starts after the last one ended (${state.lastEndedOn})`);
    const spellId = `${command.personId}-${state.spells + 1}`;
    return [{ type: 'EmploymentStarted', data: { personId: command.personId, spellId, startedOn: command.startedOn, partnerId: command.actor.partnerId, at: command.at, by } }];
  }
  ensure(isCalendarDate(command.endedOn), 'employment.date-invalid', 'endedOn is a date, YYYY-MM-DD');
  ensure(command.endedOn <= today, 'employment.date-in-future', 'an end is recorded once it has happened');
  ensure(state.current, 'employment.not-in-work', 'this person has no spell in work to end', 'conflict');
  ensure(command.endedOn >= state.current.startedOn, 'employment.end-before-start', `the spell started on ${state.current.startedOn}`);
  return [{ type: 'EmploymentEnded', data: { personId: state.personId!, spellId: state.current.spellId, endedOn: command.endedOn, at: command.at, by } }];
}

function evolve(state: EmploymentState, event: EmploymentEvent): EmploymentState {
  if (event.type === 'EmploymentStarted') {
    return { ...state, personId: event.data.personId, spells: state.spells + 1, current: { spellId: event.data.spellId, startedOn: event.data.startedOn } };
  }
  return { ...state, current: undefined, lastEndedOn: event.data.endedOn };
}

export const employmentDecider: Decider<EmploymentCommand, EmploymentEvent, EmploymentState> = { initialState: initialEmploymentState, decide, evolve };
