import { ContractTimeline, MilestoneRule } from '@onedoor/domain';
import { DAY_MS, Evidence, dayStart, monthOf } from './evidence';
import type { ParticipantHistory } from './participant-histories';

export interface Attainment {
  contractId: string;
  milestoneId: string;
  name: string;
  participantId: string;
  /** The partner whose work attained it, and whose claim it joins. */
  partnerId: string;
  attainedAt: string;
  month: string;
  /** The payment in force when it was attained. */
  paymentPence: number;
  /** The events that triggered it. */
  evidence: Evidence[];
}

interface Satisfied {
  time: number;
  partnerId: string;
  evidence: Evidence[];
}

/**
 * When a rule was first satisfied by a history counted from `since` (the contract's start). Every rule
 * here, once satisfied, stays satisfied, so one instant answers it.
 */
export function satisfiedAt(rule: MilestoneRule, history: ParticipantHistory, since: number): Satisfied | undefined {
  switch (rule.kind) {
    case 'activity-count': {
      const counted = history.activities
        .filter((a) => dayStart(a.occurredOn) >= since && (!rule.kinds || rule.kinds.includes(a.kind)))
        .sort((a, b) => a.occurredOn.localeCompare(b.occurredOn) || a.evidence.position - b.evidence.position);
      if (counted.length < rule.atLeast) return undefined;
      const last = counted[rule.atLeast - 1];
      return { time: dayStart(last.occurredOn), partnerId: last.partnerId, evidence: counted.slice(0, rule.atLeast).map((a) => a.evidence) };
    }
    case 'sustained-employment': {
      // In work for N weeks: one spell reaches its N-week day with no end recorded before that day.
      let best: Satisfied | undefined;
      for (const spell of history.spells) {
        const start = dayStart(spell.startedOn);
        if (start < since) continue;
        const due = start + rule.weeks * 7 * DAY_MS;
        if (spell.endedOn !== undefined && dayStart(spell.endedOn) < due) continue;
        if (!best || due < best.time) best = { time: due, partnerId: spell.partnerId, evidence: [spell.evidence] };
      }
      return best;
    }
    case 'referral-completed': {
      const done = history.completions
        .filter((c) => Date.parse(c.at) >= since && (!rule.outcomes || rule.outcomes.includes(c.outcome)))
        .sort((a, b) => a.evidence.position - b.evidence.position)[0];
      return done && { time: Date.parse(done.at), partnerId: done.partnerId, evidence: [done.evidence] };
    }
  }
}

/**
 * The participant's milestones under one contract, as they stand at `now`. Each milestone is paid once: at
 * the first moment, within the contract period and up to `now`, that the rule in force at that moment is
 * satisfied. A rule changed by an amendment applies from its effective date; a history that already met the
 * new rule attains it on that date.
 */
export function attainmentsOf(contractId: string, timeline: ContractTimeline, history: ParticipantHistory, now: number): Attainment[] {
  const since = dayStart(timeline.period.start);
  const periodEnd = dayStart(timeline.period.end) + DAY_MS;
  const intervals = timeline.intervals();
  const ids = [...new Set(intervals.flatMap((i) => i.terms.milestones.map((m) => m.milestoneId)))];
  const attained: Attainment[] = [];
  for (const milestoneId of ids) {
    for (const { from, to, terms } of intervals) {
      const milestone = terms.milestones.find((m) => m.milestoneId === milestoneId);
      if (!milestone) continue;
      const met = satisfiedAt(milestone.rule, history, since);
      if (!met) continue;
      const time = Math.max(met.time, dayStart(from));
      if ((to !== undefined && time >= dayStart(to)) || time >= periodEnd || time > now) continue;
      attained.push({
        contractId, milestoneId, name: milestone.name, participantId: history.participantId, partnerId: met.partnerId,
        attainedAt: new Date(time).toISOString(), month: monthOf(time), paymentPence: milestone.paymentPence, evidence: met.evidence,
      });
      break;
    }
  }
  return attained;
}
