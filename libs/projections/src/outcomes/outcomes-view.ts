import { hubFeeOn } from '@onedoor/domain';
import type { ServiceCatalogue } from '../service-catalogue';
import { ClaimMoney, addClaimMoney, noClaimMoney } from './claim-money';
import { ContractBook, ContractRecord } from './contract-book';
import { DAY_MS, dayStart, percentile } from './evidence';
import type { GroupAttendanceLog } from './group-attendance-log';
import { Attainment, attainmentsOf } from './milestone-attainment';
import type { ParticipantHistories } from './participant-histories';
import type { Placement, ReferralJourneys } from './referral-journeys';

export interface OutcomesSources {
  contracts: ContractBook;
  histories: ParticipantHistories;
  journeys: ReferralJourneys;
  groups: GroupAttendanceLog;
  catalogue: ServiceCatalogue;
}

/** Narrows a report: one contract, one partner (a partner's own view), one month (YYYY-MM). */
export interface ReportFilter {
  contractId?: string;
  partnerId?: string;
  month?: string;
}

/** One partner's claim for one month (the hub's fee is 0 on the hub's own delivery). */
export interface ClaimLine extends ClaimMoney {
  month: string;
  partnerId: string;
  milestones: { milestoneId: string; count: number; amountPence: number }[];
}

type Money = ClaimMoney;

export interface ContractClaims {
  contractId: string;
  name: string;
  hubPartnerId: string;
  lines: ClaimLine[];
  byMonth: ({ month: string } & Money)[];
  totals: Money;
}

export interface TargetLine {
  target?: number;
  actual: number;
  /** The target pro rata to the share of the period elapsed. */
  expectedToDate?: number;
  /** actual ÷ target, as a percentage (one decimal). */
  percentOfTarget?: number;
}

export interface PartnerDelivery {
  partnerId: string;
  referralsAccepted: TargetLine;
  participantsStarted: TargetLine;
  milestones: ({ milestoneId: string } & TargetLine)[];
  /** Casework: recorded pieces of support for individual participants. */
  interactions: number;
  /** Light-touch: group sessions and the head counts recorded at them. */
  groupSessions: number;
  attendances: number;
}

export interface FunnelCounts {
  received: number;
  accepted: number;
  firstInteraction: number;
  completed: number;
}

export interface WaitingTimes {
  /** Placements whose first interaction is recorded. */
  measured: number;
  /** Received (and not closed) with no interaction yet. */
  stillWaiting: number;
  p50Days?: number;
  p90Days?: number;
}

export interface OutcomeGroup {
  key: string;
  completed: number;
  byOutcome: Record<string, number>;
  enteredWork: number;
  groupSessions: number;
  attendances: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * The outcomes reports as they stand at one instant, over projections holding the log up to that instant.
 * Time matters beyond the log: a spell in work reaches 13 weeks on a day with no event, so "now" is explicit.
 */
export class OutcomesView {
  readonly now: number;
  private attainmentCache: Attainment[] | undefined;

  constructor(private readonly sources: OutcomesSources, now: string | number) {
    this.now = typeof now === 'number' ? now : Date.parse(now);
  }

  get asOf(): string {
    return new Date(this.now).toISOString();
  }

  contracts(contractId?: string): ContractRecord[] {
    return this.sources.contracts.all().filter((c) => contractId === undefined || c.contractId === contractId);
  }

  /** Every milestone attained, with its evidence: across contracts, or narrowed by contract, partner and month. */
  attainments(filter: ReportFilter = {}): Attainment[] {
    if (!this.attainmentCache) {
      this.attainmentCache = [];
      for (const contract of this.contracts()) {
        for (const participantId of this.sources.histories.participantIds()) {
          this.attainmentCache.push(...attainmentsOf(contract.contractId, contract.timeline, this.sources.histories.history(participantId)!, this.now));
        }
      }
    }
    return this.attainmentCache.filter(
      (a) => (filter.contractId === undefined || a.contractId === filter.contractId) && (filter.partnerId === undefined || a.partnerId === filter.partnerId) && (filter.month === undefined || a.month === filter.month),
    );
  }

  /** One participant's milestones, each with the events that triggered it. */
  milestonesOf(participantId: string, filter: ReportFilter = {}): Attainment[] {
    return this.attainments(filter).filter((a) => a.participantId === participantId);
  }

  /** The claims ledger per contract, partner and month: milestone claims, adjustments, clawbacks, the hub's fee. */
  claimsLedger(filter: ReportFilter = {}): ContractClaims[] {
    return this.contracts(filter.contractId).map((contract) => {
      const lines = new Map<string, ClaimLine>();
      const lineOf = (month: string, partnerId: string) => {
        const key = `${month}|${partnerId}`;
        let line = lines.get(key);
        if (!line) lines.set(key, (line = { month, partnerId, milestones: [], ...noClaimMoney() }));
        return line;
      };
      for (const a of this.attainments({ contractId: contract.contractId })) {
        const line = lineOf(a.month, a.partnerId);
        let m = line.milestones.find((x) => x.milestoneId === a.milestoneId);
        if (!m) line.milestones.push((m = { milestoneId: a.milestoneId, count: 0, amountPence: 0 }));
        m.count += 1;
        m.amountPence += a.paymentPence;
        line.claimsPence += a.paymentPence;
      }
      for (const change of contract.changes) {
        const line = lineOf(change.month, change.partnerId);
        if (change.kind === 'adjustment') line.adjustmentsPence += change.amountPence;
        else line.clawbacksPence += change.amountPence;
      }
      const visible = [...lines.values()]
        .filter((l) => (filter.partnerId === undefined || l.partnerId === filter.partnerId) && (filter.month === undefined || l.month === filter.month))
        .sort((a, b) => a.month.localeCompare(b.month) || a.partnerId.localeCompare(b.partnerId));
      const byMonth = new Map<string, { month: string } & Money>();
      const totals = noClaimMoney();
      for (const line of visible) {
        line.milestones.sort((a, b) => a.milestoneId.localeCompare(b.milestoneId));
        line.netPence = line.claimsPence + line.adjustmentsPence + line.clawbacksPence;
        // The fee rule in force in the claim's month; the hub pays no fee on its own delivery.
        line.hubFeePence = line.partnerId === contract.hubPartnerId ? 0 : hubFeeOn(contract.timeline.termsOn(`${line.month}-01`).hubFee, line.netPence);
        line.payablePence = line.netPence - line.hubFeePence;
        const month = byMonth.get(line.month) ?? { month: line.month, ...noClaimMoney() };
        addClaimMoney(month, line);
        byMonth.set(line.month, month);
        addClaimMoney(totals, line);
      }
      return { contractId: contract.contractId, name: contract.name, hubPartnerId: contract.hubPartnerId, lines: visible, byMonth: [...byMonth.values()], totals };
    });
  }

  /**
   * Referrals accepted in each contract's period so far against each partner's target: the one delivery line
   * routing weighs, on every suggestion, without the milestones and interactions of the whole report.
   */
  acceptedAgainstTarget(): { contractId: string; name: string; elapsed: number; partners: { partnerId: string; referralsAccepted: TargetLine }[] }[] {
    const placementsOf = groupBy(this.sources.journeys.all(), (p) => p.partnerId);
    return this.contracts().map((contract) => {
      const { elapsed, inPeriod, terms, line } = this.periodOf(contract);
      const partners = terms.targets.map((t) => ({
        partnerId: t.partnerId,
        referralsAccepted: line((placementsOf.get(t.partnerId) ?? []).filter((p) => inPeriod(p.acceptedAt)).length, t.referralsAccepted),
      }));
      return { contractId: contract.contractId, name: contract.name, elapsed: Math.round(elapsed * 1000) / 1000, partners };
    });
  }

  /** A contract's period as of now: the share gone, what falls in it, the terms in force, and a target line. */
  private periodOf(contract: ContractRecord) {
    const start = dayStart(contract.period.start);
    const end = dayStart(contract.period.end) + DAY_MS;
    const elapsed = Math.min(1, Math.max(0, (this.now - start) / (end - start)));
    const inPeriod = (t: number | undefined) => t !== undefined && t >= start && t < end && t <= this.now;
    const terms = contract.timeline.termsOn(new Date(Math.min(Math.max(this.now, start), end - 1)).toISOString());
    const line = (actual: number, target: number | undefined): TargetLine => ({
      actual,
      ...(target !== undefined ? { target, expectedToDate: Math.round(target * elapsed), ...(target > 0 ? { percentOfTarget: round1((100 * actual) / target) } : {}) } : {}),
    });
    return { elapsed, inPeriod, terms, line };
  }

  /** Each partner's delivery over each contract's period so far, against its targets. */
  deliveryAgainstTarget(filter: ReportFilter = {}): { contractId: string; name: string; period: { start: string; end: string }; /** Share of the period gone, 0 to 1. */ elapsed: number; partners: PartnerDelivery[] }[] {
    return this.contracts(filter.contractId).map((contract) => {
      const { elapsed, inPeriod, terms, line } = this.periodOf(contract);
      const attained = this.attainments({ contractId: contract.contractId });
      const placements = this.sources.journeys.all();
      const sessions = this.sources.groups.all().filter((s) => inPeriod(dayStart(s.occurredOn)));
      const partnerIds = new Set<string>(terms.targets.map((t) => t.partnerId));
      placements.forEach((p) => partnerIds.add(p.partnerId));
      sessions.forEach((s) => partnerIds.add(s.partnerId));
      attained.forEach((a) => partnerIds.add(a.partnerId));
      // One pass over placements, activities and attainments, grouped by partner: walking them once per partner
      // made a consortium of many partners and 100,000 participants slow to report.
      const placementsOf = groupBy(placements, (p) => p.partnerId);
      const sessionsOf = groupBy(sessions, (s) => s.partnerId);
      const interactionsOf = new Map<string, number>();
      for (const id of this.sources.histories.participantIds()) {
        for (const a of this.sources.histories.history(id)!.activities) {
          if (inPeriod(Date.parse(a.evidence.at))) interactionsOf.set(a.partnerId, (interactionsOf.get(a.partnerId) ?? 0) + 1);
        }
      }
      const attainedOf = new Map<string, number>();
      for (const a of attained) attainedOf.set(`${a.partnerId}|${a.milestoneId}`, (attainedOf.get(`${a.partnerId}|${a.milestoneId}`) ?? 0) + 1);
      const milestoneIds = [...new Set([...terms.milestones.map((m) => m.milestoneId), ...attained.map((a) => a.milestoneId)])].sort();
      const partners = [...partnerIds]
        .filter((id) => filter.partnerId === undefined || id === filter.partnerId)
        .sort()
        .map((partnerId): PartnerDelivery => {
          const target = terms.targets.find((t) => t.partnerId === partnerId);
          const mine = placementsOf.get(partnerId) ?? [];
          const started = new Set(mine.filter((p) => inPeriod(p.startedAt)).map((p) => p.personId));
          const interactions = interactionsOf.get(partnerId) ?? 0;
          const own = sessionsOf.get(partnerId) ?? [];
          return {
            partnerId,
            referralsAccepted: line(mine.filter((p) => inPeriod(p.acceptedAt)).length, target?.referralsAccepted),
            participantsStarted: line(started.size, target?.participantsStarted),
            milestones: milestoneIds.map((milestoneId) => ({
              milestoneId,
              ...line(attainedOf.get(`${partnerId}|${milestoneId}`) ?? 0, target?.milestones?.find((m) => m.milestoneId === milestoneId)?.count),
            })),
            interactions,
            groupSessions: own.length,
            attendances: own.reduce((n, s) => n + s.count, 0),
          };
        });
      return { contractId: contract.contractId, name: contract.name, period: { ...contract.period }, elapsed: Math.round(elapsed * 1000) / 1000, partners };
    });
  }

  /** The referral funnel, received → accepted → first interaction → completed, per receiving partner and in total. */
  funnel(filter: Pick<ReportFilter, 'partnerId'> = {}): { total: FunnelCounts; partners: ({ partnerId: string } & FunnelCounts)[] } {
    const count = (ps: Placement[]): FunnelCounts => ({
      received: ps.length,
      accepted: ps.filter((p) => p.acceptedAt !== undefined).length,
      firstInteraction: ps.filter((p) => p.firstInteractionAt !== undefined).length,
      completed: ps.filter((p) => p.completedAt !== undefined).length,
    });
    return this.perPartner(filter, count);
  }

  /** Days from receipt to first interaction (p50, p90, nearest rank), per receiving partner and in total. */
  waitingTimes(filter: Pick<ReportFilter, 'partnerId'> = {}): { total: WaitingTimes; partners: ({ partnerId: string } & WaitingTimes)[] } {
    const waits = (ps: Placement[]): WaitingTimes => {
      const days = ps.filter((p) => p.firstInteractionAt !== undefined).map((p) => (p.firstInteractionAt! - p.receivedAt) / DAY_MS).sort((a, b) => a - b);
      const p50 = percentile(days, 50);
      const p90 = percentile(days, 90);
      return {
        measured: days.length,
        stillWaiting: ps.filter((p) => p.firstInteractionAt === undefined && p.completedAt === undefined).length,
        ...(p50 !== undefined ? { p50Days: round1(p50) } : {}),
        ...(p90 !== undefined ? { p90Days: round1(p90) } : {}),
      };
    };
    return this.perPartner(filter, waits);
  }

  /**
   * Completed referrals by outcome, and group attendances, grouped by the communities or localities the
   * service serves (people's own addresses are sealed, so the service's reach stands in for them).
   */
  outcomesBy(by: 'community' | 'locality', filter: Pick<ReportFilter, 'partnerId'> = {}): OutcomeGroup[] {
    const groups = new Map<string, OutcomeGroup>();
    const keysOf = (serviceId: string) => {
      const service = this.sources.catalogue.service(serviceId);
      const keys = (by === 'community' ? service?.communities : service?.localities) ?? [];
      return keys.length ? [...new Set(keys)] : ['unspecified'];
    };
    const groupOf = (key: string) => {
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { key, completed: 0, byOutcome: {}, enteredWork: 0, groupSessions: 0, attendances: 0 }));
      return g;
    };
    for (const p of this.sources.journeys.all(filter.partnerId)) {
      if (!p.outcome) continue;
      for (const key of keysOf(p.serviceId)) {
        const g = groupOf(key);
        g.completed += 1;
        g.byOutcome[p.outcome.code] = (g.byOutcome[p.outcome.code] ?? 0) + 1;
        if (p.outcome.enteredWork) g.enteredWork += 1;
      }
    }
    for (const s of this.sources.groups.all(filter.partnerId)) {
      for (const key of keysOf(s.serviceId)) {
        const g = groupOf(key);
        g.groupSessions += 1;
        g.attendances += s.count;
      }
    }
    return [...groups.values()].sort((a, b) => a.key.localeCompare(b.key));
  }

  private perPartner<T>(filter: Pick<ReportFilter, 'partnerId'>, measure: (ps: Placement[]) => T): { total: T; partners: ({ partnerId: string } & T)[] } {
    const placements = this.sources.journeys.all(filter.partnerId);
    const byPartner = new Map<string, Placement[]>();
    for (const p of placements) {
      const list = byPartner.get(p.partnerId);
      if (list) list.push(p);
      else byPartner.set(p.partnerId, [p]);
    }
    const partners = [...byPartner.keys()].sort().map((partnerId) => ({ partnerId, ...measure(byPartner.get(partnerId)!) }));
    return { total: measure(placements), partners };
  }
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
