import { reportPeriod } from './report-month';
import type { PartnerSection, SteeringReport } from './steering-report';
import { steeringReportHtml } from './steering-report-html';

const HOSTILE = `<img src=x onerror="alert(1)">`;
const money = (netPence = 0) => ({ claimsPence: netPence, adjustmentsPence: 0, clawbacksPence: 0, netPence, hubFeePence: 0, payablePence: netPence });
const target = (actual: number, t?: number) => ({ actual, ...(t === undefined ? {} : { target: t, expectedToDate: Math.round(t / 2), percentOfTarget: (100 * actual) / t }) });

function partner(partnerId: string, name: string, busy: boolean): PartnerSection {
  return {
    partnerId,
    name,
    funnel: { received: busy ? 10 : 0, accepted: busy ? 8 : 0, firstInteraction: busy ? 6 : 0, completed: busy ? 3 : 0 },
    waits: busy ? { measured: 6, stillWaiting: 2, p50Days: 4.5, p90Days: 12 } : { measured: 0, stillWaiting: 0 },
    byCommunity: busy ? [{ key: HOSTILE, completed: 3, byOutcome: { 'need-met': 3 }, enteredWork: 1, groupSessions: 0, attendances: 0 }] : [],
    byLocality: [],
    contracts: [
      {
        contractId: 'c1',
        delivery: busy ? { partnerId, referralsAccepted: target(8, 20), participantsStarted: target(6), milestones: [{ milestoneId: 'm1', ...target(2, 10) }], interactions: 14, groupSessions: 2, attendances: 30 } : undefined,
        month: money(busy ? 30_000 : 0),
        milestones: busy ? [{ milestoneId: 'm1', count: 1, amountPence: 30_000 }] : [],
        yearToDate: money(busy ? 60_000 : 0),
        byMonth: busy ? [{ month: '2026-09', ...money(30_000) }, { month: '2026-10', ...money(30_000) }] : [],
      },
    ],
  };
}

function report(overrides: Partial<SteeringReport> = {}): SteeringReport {
  return {
    consortiumName: `Calder ${HOSTILE}`,
    partnerNames: { p1: `Partner ${HOSTILE}`, quiet: 'Quiet Partner', hub: 'Hub' },
    period: reportPeriod('2026-10', Date.parse('2026-11-22T00:00:00.000Z')),
    contracts: [{ contractId: 'c1', name: `Into Work ${HOSTILE}`, commissioner: 'Council', hubPartnerId: 'hub', period: { start: '2026-04-01', end: '2027-03-31' }, elapsed: 0.586, milestoneNames: { m1: `Engaged ${HOSTILE}` } }],
    summary: { funnel: { received: 10, accepted: 8, firstInteraction: 6, completed: 3 }, waits: { measured: 6, stillWaiting: 2, p50Days: 4.5, p90Days: 12 }, contracts: [{ ...partner('p1', '', true).contracts[0], delivery: [] }] },
    partners: [partner('p1', `Partner ${HOSTILE}`, true), partner('quiet', 'Quiet Partner', false)],
    ...overrides,
  };
}

describe('steering report page', () => {
  it('escapes every name that comes from the log: consortium, partners, contracts, milestones, communities', () => {
    const page = steeringReportHtml(report());
    expect(page).not.toContain('<img');
    expect(page).toContain('Partner &lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(page).toContain('Into Work &lt;img');
    expect(page).toContain('Engaged &lt;img');
    expect(page).toContain('<th scope="row">&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</th><td class="num">3</td>');
  });

  it('is one page with inline styles and charts, and nothing fetched', () => {
    const page = steeringReportHtml(report());
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="en-GB">/);
    expect(page).toContain('<style>');
    expect(page).toContain('@page { size: A4;');
    // Escaped text may read "src=x"; a real attribute would be quoted, and quotes in text are escaped.
    expect(page).not.toMatch(/<script|<link|\s(src|href)=["']|url\(/i);
    expect(page.match(/<svg /g)!.length).toBeGreaterThan(5);
  });

  it('gives a partner with nothing to report a line instead of empty charts', () => {
    const page = steeringReportHtml(report());
    const quiet = page.slice(page.indexOf('id="partner-quiet"'));
    expect(quiet).toContain('Nothing received, delivered, attended or claimed by Quiet Partner');
    expect(quiet.slice(0, quiet.indexOf('</section>'))).not.toContain('<svg');
  });

  it('says the month has no contract, and which contract asked for is not in force', () => {
    const none = steeringReportHtml(report({ contracts: [], summary: { ...report().summary, contracts: [] }, partners: [{ ...partner('p1', 'P1', true), contracts: [] }] }));
    expect(none).toContain('There is no contract in force in October 2026');
    expect(none).not.toContain('Milestone claims');
    const asked = steeringReportHtml(report({ contractId: 'c9', contracts: [], summary: { ...report().summary, contracts: [] }, partners: [] }));
    expect(asked).toContain('Contract c9 is not in force in October 2026');
  });

  it('says when the numbers are as of now because the month has not ended', () => {
    const ended = steeringReportHtml(report());
    expect(ended).toContain('Numbers as of <strong>31 October 2026, 23:59:59 UTC</strong>, the end of the month.');
    const running = steeringReportHtml(report({ period: reportPeriod('2026-11', Date.parse('2026-11-22T09:30:00.000Z')) }));
    expect(running).toContain('Numbers as of <strong>22 November 2026, 09:30:00 UTC</strong> (when the report was made): November 2026 has not ended.');
  });
});
