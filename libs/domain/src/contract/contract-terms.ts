import { ensure } from '../shared/rule-violation';
import { MilestoneRule, ensureNoOverlap, ensureValidRule } from './milestone-rule';

/** One payment-by-results milestone: paid once per participant per contract, to the partner whose work attained it. */
export interface Milestone {
  milestoneId: string;
  name: string;
  rule: MilestoneRule;
  /** Whole pence, above zero. */
  paymentPence: number;
}

/** The hub's management fee. `share-of-member-claims`: `percent` of each member's net claims, month by month. */
export const HUB_FEE_KINDS = ['share-of-member-claims'] as const;
export type HubFeeRule = { kind: 'share-of-member-claims'; percent: number };

/** What a partner is expected to deliver over the contract period. */
export interface DeliveryTarget {
  partnerId: string;
  referralsAccepted?: number;
  participantsStarted?: number;
  milestones?: { milestoneId: string; count: number }[];
}

/** The parts of a contract an amendment may replace. */
export interface ContractTerms {
  milestones: Milestone[];
  hubFee: HubFeeRule;
  targets: DeliveryTarget[];
}

/** Dates as YYYY-MM-DD; both days included. */
export interface ContractPeriod {
  start: string;
  end: string;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE_ONLY.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00.000Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

const isCount = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 1_000_000;

export function ensureValidPeriod(period: ContractPeriod | undefined): asserts period is ContractPeriod {
  ensure(period && isCalendarDate(period.start) && isCalendarDate(period.end) && period.start < period.end, 'contract.period-invalid', 'the period needs start and end dates (YYYY-MM-DD), start before end');
}

/** Every rule a contract's terms must keep; `memberPartnerIds` are the consortium's current members. */
export function ensureValidTerms(terms: ContractTerms, memberPartnerIds: readonly string[]): void {
  const { milestones, hubFee, targets } = terms;
  ensure(Array.isArray(milestones) && milestones.length > 0, 'contract.milestones-required', 'a contract has at least one milestone');
  const ids = new Set<string>();
  for (const m of milestones) {
    ensure(typeof m.milestoneId === 'string' && m.milestoneId.trim().length > 0, 'contract.milestone-id-required', 'every milestone needs an id');
    ensure(!ids.has(m.milestoneId), 'contract.milestone-id-duplicate', `milestone id ${m.milestoneId} is used twice`, 'unprocessable', { milestoneId: m.milestoneId });
    ids.add(m.milestoneId);
    ensure(typeof m.name === 'string' && m.name.trim().length > 0, 'contract.milestone-name-required', `milestone ${m.milestoneId} needs a name`, 'unprocessable', { milestoneId: m.milestoneId });
    ensureValidRule(m.rule, m.milestoneId);
    ensure(
      typeof m.paymentPence === 'number' && Number.isInteger(m.paymentPence) && m.paymentPence > 0,
      'contract.payment-not-positive',
      `milestone ${m.milestoneId} must pay a whole number of pence above zero`,
      'unprocessable',
      { milestoneId: m.milestoneId },
    );
  }
  ensureNoOverlap(milestones);
  ensure(hubFee && HUB_FEE_KINDS.includes(hubFee.kind), 'contract.hub-fee-rule-unknown', `the hub fee rule is one of: ${HUB_FEE_KINDS.join(', ')}`);
  ensure(typeof hubFee.percent === 'number' && hubFee.percent >= 0 && hubFee.percent <= 100, 'contract.hub-fee-invalid', 'the hub fee percent is from 0 to 100');
  const targeted = new Set<string>();
  for (const t of targets ?? []) {
    ensure(memberPartnerIds.includes(t.partnerId), 'contract.target-partner-unknown', `partner ${t.partnerId} is not a current consortium member`, 'unprocessable', { partnerId: t.partnerId });
    ensure(!targeted.has(t.partnerId), 'contract.target-partner-duplicate', `partner ${t.partnerId} has two targets`, 'unprocessable', { partnerId: t.partnerId });
    targeted.add(t.partnerId);
    const counts = [t.referralsAccepted, t.participantsStarted, ...(t.milestones ?? []).map((m) => m.count)];
    ensure(counts.every((c) => c === undefined || isCount(c)), 'contract.target-invalid', `partner ${t.partnerId}'s targets are whole numbers, 0 or more`, 'unprocessable', { partnerId: t.partnerId });
    for (const m of t.milestones ?? []) {
      ensure(ids.has(m.milestoneId), 'contract.target-milestone-unknown', `partner ${t.partnerId}'s target names milestone ${m.milestoneId}, which the contract does not have`, 'unprocessable', { partnerId: t.partnerId, milestoneId: m.milestoneId });
    }
  }
}

/**
 * The hub's fee on a member's net claim, rounded half away from zero to whole pence, so a clawback takes
 * back exactly the fee its claim paid.
 */
export function hubFeeOn(rule: HubFeeRule, netPence: number): number {
  const fee = Math.round((Math.abs(netPence) * rule.percent) / 100);
  return netPence < 0 ? -fee : fee;
}
