import { INTERACTION_KINDS, InteractionKind } from '../referral/interaction';
import { OUTCOME_CODES, OutcomeCode } from '../referral/referral-outcome';
import { RuleViolation, ensure } from '../shared/rule-violation';

/**
 * A milestone's rule, as data: the commissioner's contract changes without a code change. Each kind reads
 * one part of a participant's history:
 * - `activity-count`: at least `atLeast` recorded pieces of support (of `kinds`, or any kind when absent);
 * - `sustained-employment`: one spell in work lasting `weeks` weeks without an end recorded before then;
 * - `referral-completed`: a referral completed (with one of `outcomes`, or any outcome when absent).
 */
export const MILESTONE_RULE_KINDS = ['activity-count', 'sustained-employment', 'referral-completed'] as const;
export type MilestoneRuleKind = (typeof MILESTONE_RULE_KINDS)[number];

export type MilestoneRule =
  | { kind: 'activity-count'; atLeast: number; kinds?: InteractionKind[] }
  | { kind: 'sustained-employment'; weeks: number }
  | { kind: 'referral-completed'; outcomes?: OutcomeCode[] };

/** The settings each kind takes; anything else in a rule is a mistake worth refusing, not ignoring. */
const SETTINGS: Record<MilestoneRuleKind, string[]> = {
  'activity-count': ['kind', 'atLeast', 'kinds'],
  'sustained-employment': ['kind', 'weeks'],
  'referral-completed': ['kind', 'outcomes'],
};

const isWhole = (n: unknown, min: number, max: number) => typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max;

export function ensureValidRule(rule: MilestoneRule | undefined, milestoneId: string): void {
  const kind = (rule as { kind?: unknown } | undefined)?.kind;
  if (!rule || !MILESTONE_RULE_KINDS.includes(kind as MilestoneRuleKind)) {
    throw new RuleViolation(
      'contract.milestone-rule-unknown',
      `milestone ${milestoneId} has an unknown rule ${JSON.stringify(kind ?? null)}; a rule is one of: ${MILESTONE_RULE_KINDS.join(', ')}`,
      'unprocessable',
      { milestoneId, kind: kind ?? null },
    );
  }
  const invalid = (message: string) => new RuleViolation('contract.milestone-rule-invalid', `milestone ${milestoneId}: ${message}`, 'unprocessable', { milestoneId });
  const stray = Object.keys(rule).filter((key) => !SETTINGS[rule.kind].includes(key));
  if (stray.length) throw invalid(`a ${rule.kind} rule takes only ${SETTINGS[rule.kind].join(', ')}, not ${stray.join(', ')}`);
  switch (rule.kind) {
    case 'activity-count':
      if (!isWhole(rule.atLeast, 1, 1000)) throw invalid('atLeast is a whole number from 1 to 1000');
      if (rule.kinds !== undefined && (!Array.isArray(rule.kinds) || rule.kinds.length === 0 || rule.kinds.some((k) => !INTERACTION_KINDS.includes(k)))) {
        throw invalid(`kinds, when given, is a non-empty list of: ${INTERACTION_KINDS.join(', ')}`);
      }
      return;
    case 'sustained-employment':
      if (!isWhole(rule.weeks, 1, 156)) throw invalid('weeks is a whole number from 1 to 156');
      return;
    case 'referral-completed':
      if (rule.outcomes !== undefined && (!Array.isArray(rule.outcomes) || rule.outcomes.length === 0 || rule.outcomes.some((o) => !OUTCOME_CODES.includes(o)))) {
        throw invalid(`outcomes, when given, is a non-empty list of: ${OUTCOME_CODES.join(', ')}`);
      }
      return;
  }
}

/** A rule written out canonically (sorted lists, fixed key order), so two ways of writing one rule compare equal. */
export function canonicalRule(rule: MilestoneRule): string {
  switch (rule.kind) {
    case 'activity-count':
      return JSON.stringify([rule.kind, rule.atLeast, [...(rule.kinds ?? INTERACTION_KINDS)].sort()]);
    case 'sustained-employment':
      return JSON.stringify([rule.kind, rule.weeks]);
    case 'referral-completed':
      return JSON.stringify([rule.kind, [...(rule.outcomes ?? OUTCOME_CODES)].sort()]);
  }
}

/** Milestones whose rules are the same rule: the same evidence would pay twice. */
export function overlappingMilestones(milestones: readonly { milestoneId: string; rule: MilestoneRule }[]): string[] {
  const seen = new Map<string, string>();
  for (const { milestoneId, rule } of milestones) {
    if (!rule || !MILESTONE_RULE_KINDS.includes(rule.kind)) continue;
    const key = canonicalRule(rule);
    const earlier = seen.get(key);
    if (earlier !== undefined) return [earlier, milestoneId];
    seen.set(key, milestoneId);
  }
  return [];
}

export function ensureNoOverlap(milestones: readonly { milestoneId: string; rule: MilestoneRule }[]): void {
  const overlap = overlappingMilestones(milestones);
  ensure(overlap.length === 0, 'contract.milestones-overlap', `milestones ${overlap.join(' and ')} have the same rule, so one participant's evidence would be paid twice`, 'unprocessable', { milestoneIds: overlap });
}
