import { addClaimMoney, claimMoneyOf, noClaimMoney } from '@onedoor/projections';
import type { ClaimMoney, ConsortiumRoster, ContractRecord, FunnelCounts, OutcomeGroup, OutcomesView, PartnerDelivery, WaitingTimes } from '@onedoor/projections';
import type { ReportPeriod } from './report-month';

export interface ContractInForce {
  contractId: string;
  name: string;
  commissioner: string;
  hubPartnerId: string;
  period: { start: string; end: string };
  /** Share of the period gone at the report's instant, 0 to 1. */
  elapsed: number;
  milestoneNames: Record<string, string>;
}

export interface ContractClaimsForMonth {
  month: ClaimMoney;
  /** Milestones claimed in the month, with counts and amounts. */
  milestones: { milestoneId: string; count: number; amountPence: number }[];
  yearToDate: ClaimMoney;
  /** Each month of the year to date that has a claim, oldest first. */
  byMonth: ({ month: string } & ClaimMoney)[];
}

export interface PartnerContractSection extends ContractClaimsForMonth {
  contractId: string;
  /** Undefined: no target and nothing delivered under this contract. */
  delivery?: PartnerDelivery;
}

export interface PartnerSection {
  partnerId: string;
  name: string;
  funnel: FunnelCounts;
  waits: WaitingTimes;
  byCommunity: OutcomeGroup[];
  byLocality: OutcomeGroup[];
  contracts: PartnerContractSection[];
}

/** The numbers of one steering-group report, all read from the outcomes view at the report's instant. */
export interface SteeringReport {
  consortiumName?: string;
  /** Partner names by id, current and former members. */
  partnerNames: Record<string, string>;
  period: ReportPeriod;
  /** Set when the report is one partner's. */
  partnerId?: string;
  /** Set when one contract was asked for. */
  contractId?: string;
  contracts: ContractInForce[];
  summary: {
    funnel: FunnelCounts;
    waits: WaitingTimes;
    contracts: ({ contractId: string; delivery: PartnerDelivery[] } & ContractClaimsForMonth)[];
  };
  partners: PartnerSection[];
}

const inForce = (contract: ContractRecord, period: ReportPeriod) => contract.period.start <= period.lastDay && contract.period.end >= period.firstDay;

function milestoneNames(contract: ContractRecord): Record<string, string> {
  const names: Record<string, string> = {};
  for (const version of contract.timeline.versions) for (const m of version.terms.milestones) names[m.milestoneId] = m.name;
  return names;
}

/** The month's claims and the year to date, for the whole contract or one partner. */
function claimsFor(view: OutcomesView, contractId: string, period: ReportPeriod, partnerId?: string): ContractClaimsForMonth {
  const [month] = view.claimsLedger({ contractId, partnerId, month: period.month });
  const [all] = view.claimsLedger({ contractId, partnerId });
  const byMonth = all.byMonth.filter((m) => m.month >= period.yearStartMonth && m.month <= period.month);
  const yearToDate = noClaimMoney();
  for (const m of byMonth) addClaimMoney(yearToDate, m);
  const milestones = new Map<string, { milestoneId: string; count: number; amountPence: number }>();
  for (const line of month.lines) {
    for (const m of line.milestones) {
      const into = milestones.get(m.milestoneId) ?? { milestoneId: m.milestoneId, count: 0, amountPence: 0 };
      into.count += m.count;
      into.amountPence += m.amountPence;
      milestones.set(m.milestoneId, into);
    }
  }
  return { month: claimMoneyOf(month.totals), milestones: [...milestones.values()].sort((a, b) => a.milestoneId.localeCompare(b.milestoneId)), yearToDate, byMonth };
}

/**
 * Gathers the report from the view. Partners shown: the one asked for, or every partner that was a member
 * during the month or has numbers in it. Only counts and money leave here, never a participant's id.
 */
export function steeringReport(view: OutcomesView, roster: ConsortiumRoster, period: ReportPeriod, options: { partnerId?: string; contractId?: string } = {}): SteeringReport {
  const contracts = view.contracts(options.contractId).filter((c) => inForce(c, period));
  const delivery = new Map(contracts.map((c) => [c.contractId, view.deliveryAgainstTarget({ contractId: c.contractId })[0]]));
  const funnel = view.funnel();
  const waits = view.waitingTimes();

  const partnerIds = new Set<string>();
  if (options.partnerId !== undefined) partnerIds.add(options.partnerId);
  else {
    for (const p of roster.partners({ includeFormer: true })) if (p.joinedAt <= period.asOf && (p.leftAt === undefined || p.leftAt >= period.firstDay)) partnerIds.add(p.partnerId);
    funnel.partners.forEach((p) => partnerIds.add(p.partnerId));
    for (const d of delivery.values()) d.partners.forEach((p) => partnerIds.add(p.partnerId));
    for (const c of contracts) view.claimsLedger({ contractId: c.contractId, month: period.month })[0].lines.forEach((l) => partnerIds.add(l.partnerId));
  }
  const nameOf = (partnerId: string) => roster.partner(partnerId)?.name ?? partnerId;
  const zeroFunnel: FunnelCounts = { received: 0, accepted: 0, firstInteraction: 0, completed: 0 };

  const partners = [...partnerIds]
    .map((partnerId): PartnerSection => ({
      partnerId,
      name: nameOf(partnerId),
      funnel: view.funnel({ partnerId }).partners[0] ?? { partnerId, ...zeroFunnel },
      waits: view.waitingTimes({ partnerId }).partners[0] ?? { partnerId, measured: 0, stillWaiting: 0 },
      byCommunity: view.outcomesBy('community', { partnerId }),
      byLocality: view.outcomesBy('locality', { partnerId }),
      contracts: contracts.map((c) => ({
        contractId: c.contractId,
        delivery: delivery.get(c.contractId)!.partners.find((p) => p.partnerId === partnerId),
        ...claimsFor(view, c.contractId, period, partnerId),
      })),
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.partnerId.localeCompare(b.partnerId));

  return {
    consortiumName: roster.consortium()?.name,
    partnerNames: Object.fromEntries(roster.partners({ includeFormer: true }).map((p) => [p.partnerId, p.name])),
    period,
    ...(options.partnerId !== undefined ? { partnerId: options.partnerId } : {}),
    ...(options.contractId !== undefined ? { contractId: options.contractId } : {}),
    contracts: contracts.map((c) => ({
      contractId: c.contractId,
      name: c.name,
      commissioner: c.commissioner,
      hubPartnerId: c.hubPartnerId,
      period: { ...c.period },
      elapsed: delivery.get(c.contractId)!.elapsed,
      milestoneNames: milestoneNames(c),
    })),
    summary: {
      funnel: funnel.total,
      waits: waits.total,
      contracts: contracts.map((c) => ({ contractId: c.contractId, delivery: delivery.get(c.contractId)!.partners, ...claimsFor(view, c.contractId, period) })),
    },
    partners,
  };
}

