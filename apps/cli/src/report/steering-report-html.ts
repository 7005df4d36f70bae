import type { FunnelCounts, OutcomeGroup, PartnerDelivery, TargetLine, WaitingTimes } from '@onedoor/projections';
import { count, days, instant, longDate, monthName, percent, pounds } from './format';
import { SafeHtml, dataTable, html } from './html';
import { REPORT_CSS } from './report-styles';
import type { ClaimMoney } from '@onedoor/projections';
import type { ContractClaimsForMonth, ContractInForce, PartnerSection, SteeringReport } from './steering-report';
import { Bar, barChart } from './svg-charts';

/** A chart under its title, then the same numbers as a table (the table's caption repeats the title for screen readers). */
const figure = (title: string, chart: SafeHtml, table: SafeHtml) => html`<figure><figcaption>${title}</figcaption>${chart}${table}</figure>`;

const FUNNEL_STAGES: [keyof FunnelCounts, string][] = [
  ['received', 'Received'],
  ['accepted', 'Accepted'],
  ['firstInteraction', 'First interaction'],
  ['completed', 'Completed'],
];

function funnelFigure(funnel: FunnelCounts, whose: string): SafeHtml {
  const title = `Referral funnel, ${whose}`;
  return figure(
    title,
    barChart({ title, bars: FUNNEL_STAGES.map(([key, label]) => ({ label, value: funnel[key] })) }),
    dataTable(title, ['Stage', 'Referrals', 'Share of received'], FUNNEL_STAGES.map(([key, label]) => [label, count(funnel[key]), percent(funnel.received ? (100 * funnel[key]) / funnel.received : undefined)])),
  );
}

function waitsFigure(waits: WaitingTimes, whose: string): SafeHtml {
  const title = `Waiting times from receipt to first interaction, ${whose}`;
  return figure(
    title,
    barChart({ title, bars: [{ label: 'p50 (median)', value: waits.p50Days ?? 0, display: days(waits.p50Days) }, { label: 'p90', value: waits.p90Days ?? 0, display: days(waits.p90Days) }] }),
    dataTable(title, ['Measure', 'Value'], [
      ['p50 (median)', days(waits.p50Days)],
      ['p90', days(waits.p90Days)],
      ['Referrals measured', count(waits.measured)],
      ['Still waiting for a first interaction', count(waits.stillWaiting)],
    ]),
  );
}

const MONEY_ROWS: [keyof ClaimMoney, string][] = [
  ['claimsPence', 'Milestone claims'],
  ['adjustmentsPence', 'Adjustments'],
  ['clawbacksPence', 'Clawbacks'],
  ['netPence', 'Net claim'],
  ['hubFeePence', 'Hub fee'],
  ['payablePence', 'Payable'],
];

function claimsTables(claims: ContractClaimsForMonth, contract: ContractInForce, report: SteeringReport, whose: string): SafeHtml {
  const month = monthName(report.period.month);
  const ytd = `Year to date (from ${monthName(report.period.yearStartMonth)})`;
  const money = dataTable(`Claims, ${whose}: ${month} and year to date`, ['', month, ytd], MONEY_ROWS.map(([key, label]) => [label, pounds(claims.month[key]), pounds(claims.yearToDate[key])]));
  const milestones = dataTable(
    `Milestones claimed in ${month}, ${whose}`,
    ['Milestone', 'Attained', 'Amount'],
    claims.milestones.map((m) => [contract.milestoneNames[m.milestoneId] ?? m.milestoneId, count(m.count), pounds(m.amountPence)]),
  );
  const title = `Net claim by month, ${whose}, year to date`;
  if (!claims.byMonth.length) return html`${money}${milestones}<p class="meta">No claims, adjustments or clawbacks yet in the financial year to date.</p>`;
  const byMonth = figure(
    title,
    barChart({ title, bars: claims.byMonth.map((m) => ({ label: monthName(m.month), value: m.netPence, display: pounds(m.netPence) })) }),
    dataTable(title, ['Month', 'Net claim', 'Hub fee', 'Payable'], claims.byMonth.map((m) => [monthName(m.month), pounds(m.netPence), pounds(m.hubFeePence), pounds(m.payablePence)])),
  );
  return html`${money}${milestones}${byMonth}`;
}

function targetCells(line: TargetLine): string[] {
  return [count(line.actual), line.target === undefined ? '\u2013' : count(line.target), line.expectedToDate === undefined ? '\u2013' : count(line.expectedToDate), percent(line.percentOfTarget)];
}

function deliveryFigure(delivery: PartnerDelivery, contract: ContractInForce, whose: string): SafeHtml {
  const lines: [string, TargetLine][] = [
    ['Referrals accepted', delivery.referralsAccepted],
    ['Participants started', delivery.participantsStarted],
    ...delivery.milestones.map((m): [string, TargetLine] => [contract.milestoneNames[m.milestoneId] ?? m.milestoneId, m]),
  ];
  const title = `Delivery against target, ${whose}, ${contract.name} so far`;
  const bars: Bar[] = lines.map(([label, line]) => ({ label, value: line.actual, target: line.target, expected: line.expectedToDate }));
  return figure(title, barChart({ title, bars }), dataTable(title, ['Measure', 'Actual', 'Target', 'Expected to date', '% of target'], lines.map(([label, line]) => [label, ...targetCells(line)])));
}

function groupsFigure(delivery: PartnerDelivery, contract: ContractInForce, whose: string): SafeHtml {
  const title = `Group attendance beside casework, ${whose}, ${contract.name} so far`;
  const rows: [string, number][] = [
    ['Casework interactions', delivery.interactions],
    ['Group sessions', delivery.groupSessions],
    ['Group attendances (head count)', delivery.attendances],
  ];
  return figure(title, barChart({ title, bars: rows.map(([label, value]) => ({ label, value })) }), dataTable(title, ['Activity', 'Count'], rows.map(([label, value]) => [label, count(value)])));
}

function outcomesFigure(groups: OutcomeGroup[], by: 'community' | 'locality', whose: string): SafeHtml {
  const title = `Outcomes by ${by} served, ${whose}`;
  if (!groups.length) return html`<p class="meta">Outcomes by ${by} served, ${whose}: no completed referrals or group sessions yet.</p>`;
  const codes = [...new Set(groups.flatMap((g) => Object.keys(g.byOutcome)))].sort();
  return figure(
    `${title} (chart: completed referrals; table: also group attendance)`,
    barChart({ title: `Completed referrals by ${by} served, ${whose}`, bars: groups.map((g) => ({ label: g.key, value: g.completed })) }),
    dataTable(
      title,
      [by === 'community' ? 'Community' : 'Locality', 'Completed', ...codes, 'Entered work', 'Group sessions', 'Attendances'],
      groups.map((g) => [g.key, count(g.completed), ...codes.map((c) => count(g.byOutcome[c] ?? 0)), count(g.enteredWork), count(g.groupSessions), count(g.attendances)]),
    ),
  );
}

function contractLine(c: ContractInForce, nameOf: (id: string) => string): SafeHtml {
  return html`<li><strong>${c.name}</strong> (${c.contractId}) for ${c.commissioner}, ${longDate(c.period.start)} to ${longDate(c.period.end)}; hub ${nameOf(c.hubPartnerId)}; ${percent(100 * c.elapsed)} of the period gone at the report's instant.</li>`;
}

function noContract(report: SteeringReport): SafeHtml {
  const month = monthName(report.period.month);
  return report.contractId === undefined
    ? html`<p class="notice">There is no contract in force in ${month}: delivery against target and claims have nothing to report. The funnel, waiting times and outcomes below still count.</p>`
    : html`<p class="notice">Contract ${report.contractId} is not in force in ${month} (or was not yet agreed at the report's instant): there is no contract for that month, so no delivery against target or claims.</p>`;
}

function summarySection(report: SteeringReport, nameOf: (id: string) => string): SafeHtml {
  const whose = 'consortium';
  const contracts = report.contracts.map((contract) => {
    const summary = report.summary.contracts.find((s) => s.contractId === contract.contractId)!;
    const milestoneIds = [...new Set(summary.delivery.flatMap((p) => p.milestones.map((m) => m.milestoneId)))];
    const actualOfTarget = (line: TargetLine | undefined) => (line === undefined ? '\u2013' : line.target === undefined ? count(line.actual) : `${count(line.actual)} / ${count(line.target)}`);
    const overview = dataTable(
      `Delivery by partner, ${contract.name} so far (actual / target)`,
      ['Partner', 'Referrals accepted', 'Participants started', ...milestoneIds.map((id) => contract.milestoneNames[id] ?? id), 'Casework interactions', 'Group attendances'],
      summary.delivery.map((p) => [
        nameOf(p.partnerId),
        actualOfTarget(p.referralsAccepted),
        actualOfTarget(p.participantsStarted),
        ...milestoneIds.map((id) => actualOfTarget(p.milestones.find((m) => m.milestoneId === id))),
        count(p.interactions),
        count(p.attendances),
      ]),
    );
    return html`<h3>${contract.name}</h3>${overview}${claimsTables(summary, contract, report, `${whose}, ${contract.name}`)}<p class="meta">The hub fee is paid to ${nameOf(contract.hubPartnerId)}; it takes no fee on its own delivery.</p>`;
  });
  return html`<section class="summary" id="consortium-summary"><h2>Consortium summary</h2>${funnelFigure(report.summary.funnel, 'all partners')}${waitsFigure(report.summary.waits, 'all partners')}${contracts}</section>`;
}

/** Nothing received, delivered, claimed or attended: a line, not a page of empty charts. */
const hasNumbers = (partner: PartnerSection) =>
  partner.funnel.received > 0 || partner.byCommunity.length > 0 || partner.contracts.some((c) => c.delivery !== undefined || c.byMonth.length > 0 || c.milestones.length > 0);

function partnerSection(partner: PartnerSection, report: SteeringReport): SafeHtml {
  const whose = partner.name;
  const heading = html`<h2>${partner.name} <span class="meta">(${partner.partnerId})</span></h2>`;
  if (!hasNumbers(partner)) {
    return html`<section class="partner quiet" id="partner-${partner.partnerId}" data-partner="${partner.partnerId}">${heading}<p class="meta">Nothing received, delivered, attended or claimed by ${partner.name} up to the report's instant.</p></section>`;
  }
  const contracts = report.contracts.map((contract) => {
    const section = partner.contracts.find((c) => c.contractId === contract.contractId)!;
    const delivery = section.delivery
      ? html`${deliveryFigure(section.delivery, contract, whose)}${groupsFigure(section.delivery, contract, whose)}`
      : html`<p class="meta">No target and nothing delivered under ${contract.name}.</p>`;
    return html`<h3>${contract.name}</h3>${delivery}${claimsTables(section, contract, report, `${whose}, ${contract.name}`)}`;
  });
  return html`<section class="partner" id="partner-${partner.partnerId}" data-partner="${partner.partnerId}">${heading}${
    report.contracts.length ? contracts : noContract(report)
  }<h3>Referrals to date</h3>${funnelFigure(partner.funnel, whose)}${waitsFigure(partner.waits, whose)}<h3>Outcomes to date</h3>${outcomesFigure(partner.byCommunity, 'community', whose)}${outcomesFigure(
    partner.byLocality,
    'locality',
    whose,
  )}</section>`;
}

/** The whole page: one file, styles and charts inline, nothing fetched. */
export function steeringReportHtml(report: SteeringReport): string {
  const nameOf = (partnerId: string) => report.partnerNames[partnerId] ?? partnerId;
  const { period } = report;
  const month = monthName(period.month);
  const when = period.monthEnded
    ? html`Numbers as of <strong>${instant(period.asOf)}</strong>, the end of the month.`
    : html`Numbers as of <strong>${instant(period.asOf)}</strong> (when the report was made): ${month} ${period.asOf < period.firstDay ? 'has not begun' : 'has not ended'}.`;
  const scope = report.partnerId === undefined ? 'All partners' : `One partner: ${nameOf(report.partnerId)}`;
  const contracts = report.contracts.length ? html`<ul>${report.contracts.map((c) => contractLine(c, nameOf))}</ul>` : noContract(report);
  const page = html`<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${report.consortiumName ?? 'OneDoor'}: steering group report, ${month}</title>
<style>${new SafeHtml(REPORT_CSS)}</style>
</head>
<body>
<header>
<h1>Steering group report: ${month}</h1>
<p>${report.consortiumName ?? 'OneDoor consortium'}. ${scope}.</p>
<p class="meta">${when} Delivery is counted over each contract's period up to that instant; referrals, waiting times and outcomes over everything recorded up to it; claims for the month and for the financial year to date. Money in pounds and pence.</p>
<h3>Contracts in force in ${month}</h3>
${contracts}
</header>
<main>
${summarySection(report, nameOf)}
${report.partners.map((p) => partnerSection(p, report))}
</main>
<footer>Made by onedoor report from the event log. Participants are counted, never named: this page holds no personal data.</footer>
</body>
</html>
`;
  return page.markup;
}
