import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventLogReader, SqliteEventStore } from '@onedoor/event-store';
import { OutcomesProjections, OutcomesView } from '@onedoor/projections';
import { generateOutcomes, schemaVersionOf } from '../libs/projections/src/outcomes/testing/generated-outcomes';
import { DEMO_PEOPLE } from '../apps/onedoor/src/demo/demo-consortium';
import { count, days, instant, monthName, percent, pounds } from '../apps/cli/src/report/format';
import { escapeHtml } from '../apps/cli/src/report/html';
import { seededDemoDataDir } from './support/demo-data-dir';
import { runCliCapturing } from './support/run-cli';

const cli = runCliCapturing;

/** The outcomes view at an instant, replayed here from the same file: what the page must agree with. */
function viewAt(file: string, asOf: string): OutcomesView {
  const projections = new OutcomesProjections({ asOf });
  const log = new SqliteEventLogReader(file);
  try {
    for (const batch of log.batches()) for (const event of batch) projections.apply(event);
  } finally {
    log.close();
  }
  return projections.view();
}

/** A table row as the page writes it: a row header, then numeric cells. */
const row = (label: string, ...cells: string[]) => `<th scope="row">${escapeHtml(label)}</th>${cells.map((c) => `<td class="num">${escapeHtml(c)}</td>`).join('')}`;

function sectionOf(page: string, partnerId: string): string {
  const start = page.indexOf(`<section class="partner`, page.indexOf(`id="partner-${partnerId}"`) - 40);
  expect(page.indexOf(`id="partner-${partnerId}"`)).toBeGreaterThan(-1);
  return page.slice(start, page.indexOf('</section>', start));
}

function expectSelfContained(page: string) {
  expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
  expect(page).not.toMatch(/<script/i);
  expect(page).not.toMatch(/<link/i);
  expect(page).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
  expect(page).not.toMatch(/@import|url\(/i);
  expect(page).toContain('<style>');
  expect(page).toMatch(/<svg class="chart" role="img" aria-label="[^"]+"[^>]*><title>/);
}

const MONEY: [string, 'claimsPence' | 'adjustmentsPence' | 'clawbacksPence' | 'netPence' | 'hubFeePence' | 'payablePence'][] = [
  ['Milestone claims', 'claimsPence'],
  ['Adjustments', 'adjustmentsPence'],
  ['Clawbacks', 'clawbacksPence'],
  ['Net claim', 'netPence'],
  ['Hub fee', 'hubFeePence'],
  ['Payable', 'payablePence'],
];

/** Every number of one partner's section against the view for the same instant. */
function expectPartnerNumbers(section: string, view: OutcomesView, partnerId: string, month: string, yearStartMonth: string) {
  const funnel = view.funnel({ partnerId }).total;
  expect(section).toContain(row('Received', count(funnel.received), percent(funnel.received ? 100 : undefined)));
  expect(section).toContain(row('Accepted', count(funnel.accepted), percent(funnel.received ? (100 * funnel.accepted) / funnel.received : undefined)));
  expect(section).toContain(row('First interaction', count(funnel.firstInteraction)).slice(0, -5)); // share checked above for two stages
  expect(section).toContain(row('Completed', count(funnel.completed)).replace(/<\/td>$/, ''));
  const waits = view.waitingTimes({ partnerId }).total;
  expect(section).toContain(row('p50 (median)', days(waits.p50Days)));
  expect(section).toContain(row('p90', days(waits.p90Days)));
  expect(section).toContain(row('Still waiting for a first interaction', count(waits.stillWaiting)));

  for (const contract of view.contracts()) {
    const [delivery] = view.deliveryAgainstTarget({ contractId: contract.contractId, partnerId });
    const mine = delivery.partners[0];
    if (mine) {
      const target = (n: number | undefined) => (n === undefined ? '\u2013' : count(n));
      expect(section).toContain(row('Referrals accepted', count(mine.referralsAccepted.actual), target(mine.referralsAccepted.target), target(mine.referralsAccepted.expectedToDate), percent(mine.referralsAccepted.percentOfTarget)));
      expect(section).toContain(row('Participants started', count(mine.participantsStarted.actual), target(mine.participantsStarted.target)).replace(/<\/td>$/, ''));
      expect(section).toContain(row('Casework interactions', count(mine.interactions)));
      expect(section).toContain(row('Group attendances (head count)', count(mine.attendances)));
    }
    const [ledgerMonth] = view.claimsLedger({ contractId: contract.contractId, partnerId, month });
    const [ledger] = view.claimsLedger({ contractId: contract.contractId, partnerId });
    const ytdMonths = ledger.byMonth.filter((m) => m.month >= yearStartMonth && m.month <= month);
    for (const [label, key] of MONEY) {
      expect(section).toContain(row(label, pounds(ledgerMonth.totals[key]), pounds(ytdMonths.reduce((n, m) => n + m[key], 0))));
    }
  }
  for (const group of view.outcomesBy('community', { partnerId })) expect(section).toContain(row(group.key, count(group.completed)).replace(/<\/td>$/, ''));
  for (const group of view.outcomesBy('locality', { partnerId })) {
    expect(section).toMatch(new RegExp(`${escapeRegExp(row(group.key, count(group.completed)))}.*?<td class="num">${group.enteredWork}</td><td class="num">${count(group.groupSessions)}</td><td class="num">${count(group.attendances)}</td>`));
  }
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('onedoor report: the monthly steering-group report as one HTML page', () => {
  describe('a generated consortium (five partners, 18 months) in a real SQLite file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'onedoor-report-'));
    const file = join(dir, 'events.sqlite');

    beforeAll(async () => {
      const store = new SqliteEventStore({ file, synchronous: 'NORMAL', writer: 'inline' });
      const versions = new Map<string, number>();
      for (const { stream, event } of generateOutcomes({ seed: 20260501, participants: 350 }).events) {
        const version = versions.get(stream) ?? 0;
        await store.append(stream, [{ id: randomUUID(), type: event.type, schemaVersion: schemaVersionOf(event), data: event.data as unknown as Record<string, unknown> }], version);
        versions.set(stream, version + 1);
      }
      await store.close();
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('writes an ended month as of its last millisecond, every partner with the numbers the outcomes view gives', async () => {
      const run = await cli(dir, 'report', '--month', '2026-03', '--data-dir', dir, '--out', 'march.html');
      expect(run.code).toBe(0);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/100% \| (\d+)\/\1 events/);
      expect(run.stderr).toContain(`wrote the 2026-03 steering report to ${join(dir, 'march.html')}: 6 partner section(s), 1 contract(s) in force, numbers as of 2026-03-31T23:59:59.999Z (end of month)`);
      const page = readFileSync(join(dir, 'march.html'), 'utf8');
      expectSelfContained(page);
      expect(page).toContain(`Numbers as of <strong>${instant('2026-03-31T23:59:59.999Z')}</strong>, the end of the month.`);

      const view = viewAt(file, '2026-03-31T23:59:59.999Z');
      for (const partnerId of ['p1', 'p2', 'p3', 'p4', 'p5']) expectPartnerNumbers(sectionOf(page, partnerId), view, partnerId, '2026-03', '2025-04');
      expect(sectionOf(page, 'hub')).toContain('Nothing received, delivered, attended or claimed by HUB');

      // The consortium summary: totals over every partner.
      const summary = page.slice(page.indexOf('id="consortium-summary"'), page.indexOf('</section>', page.indexOf('id="consortium-summary"')));
      const total = view.funnel().total;
      expect(summary).toContain(row('Received', count(total.received), '100.0%'));
      expect(summary).toContain(row('Completed', count(total.completed), percent((100 * total.completed) / total.received)));
      const [month] = view.claimsLedger({ contractId: 'k', month: '2026-03' });
      const ytd = view.claimsLedger({ contractId: 'k' })[0].byMonth.filter((m) => m.month >= '2025-04' && m.month <= '2026-03');
      for (const [label, key] of MONEY) expect(summary).toContain(row(label, pounds(month.totals[key]), pounds(ytd.reduce((n, m) => n + m[key], 0))));
      expect(month.totals.claimsPence).toBeGreaterThan(0);
      expect(ytd.some((m) => m.adjustmentsPence !== 0 || m.clawbacksPence !== 0)).toBe(true);
    });

    it("writes one partner's report on its own, named after the month and the partner", async () => {
      const run = await cli(dir, 'report', '--month', '2025-11', '--partner', 'p2', '--contract', 'k', '--store', `sqlite:${file}`);
      expect(run.code).toBe(0);
      const page = readFileSync(join(dir, 'steering-report-2025-11-p2.html'), 'utf8');
      expect(page.match(/<section class="partner/g)).toHaveLength(1);
      expect(page).toContain('One partner: P2');
      expectPartnerNumbers(sectionOf(page, 'p2'), viewAt(file, '2025-11-30T23:59:59.999Z'), 'p2', '2025-11', '2025-04');
    });

    it.each([
      ['2024-11', [], 'There is no contract in force in November 2024'],
      ['2026-09', [], 'There is no contract in force in September 2026'],
      ['2024-12', ['--contract', 'k'], 'Contract k is not in force in December 2024'],
    ])('still writes a page for %s %j, saying there is no contract that month', async (month, extra, notice) => {
      const run = await cli(dir, 'report', '--month', month, '--data-dir', dir, '--out', `${month}.html`, ...extra);
      expect(run.code).toBe(0);
      const page = readFileSync(join(dir, `${month}.html`), 'utf8');
      expectSelfContained(page);
      expect(page).toContain(notice);
      expect(page).not.toContain('Milestone claims');
    });
  });

  describe('the demo consortium the platform seeded', () => {
    const demoDir = seededDemoDataDir();
    let dataDir: string;
    beforeAll(() => (dataDir = demoDir()));

    it('reports the month still running as of now, says so, and holds no personal data', async () => {
      const month = new Date().toISOString().slice(0, 7);
      const run = await cli(dataDir, 'report', '--month', month, '--data-dir', dataDir);
      expect(run.code).toBe(0);
      const asOf = run.stderr.match(/numbers as of (\S+) \(now: the month has not ended\)/)![1];
      const page = readFileSync(join(dataDir, `steering-report-${month}.html`), 'utf8');
      expectSelfContained(page);
      expect(page).toContain(`Numbers as of <strong>${instant(asOf)}</strong> (when the report was made): ${monthName(month)} has not ended.`);
      expect(page).toContain('Calder Into Work');

      const view = viewAt(join(dataDir, 'events.sqlite'), asOf);
      for (const partnerId of ['calder-works', 'fair-money', 'hearth-housing', 'carers-circle']) expectPartnerNumbers(sectionOf(page, partnerId), view, partnerId, month, `${month.slice(5) >= '04' ? month.slice(0, 4) : Number(month.slice(0, 4)) - 1}-04`);
      expect(sectionOf(page, 'carers-circle')).toContain(row('Group attendances (head count)', '14'));
      expect(sectionOf(page, 'calder-works')).toContain(row('Casework interactions', '1'));

      for (const person of DEMO_PEOPLE) {
        const details: string[] = [person.personId, person.givenName, person.familyName, person.dateOfBirth, person.postcode, escapeHtml(person.familyName)];
        if ('phone' in person && person.phone) details.push(person.phone);
        if ('email' in person && person.email) details.push(person.email);
        if ('address' in person && person.address) details.push(person.address);
        for (const detail of details) expect({ detail, found: page.includes(detail) }).toEqual({ detail, found: false });
      }
      expect(page).not.toContain('demo-referral');
    });
  });

  describe('bad input', () => {
    const demoDir = seededDemoDataDir();
    let dataDir: string;
    beforeAll(() => (dataDir = demoDir()));

    it.each([
      [['--month', '2026-13'], '--month must be a calendar month as YYYY-MM (e.g. 2026-10), not "2026-13"'],
      [['--month', '2026-1'], '--month must be a calendar month as YYYY-MM'],
      [['--month', 'last month'], '--month must be a calendar month as YYYY-MM'],
      [[], "required option '--month <YYYY-MM>' not specified"],
      [['--month', '2026-10', '--partner', 'nope'], '--partner must be one of the consortium\'s partners (calder-hub, calder-works, carers-circle, fair-money, hearth-housing, valley-minds, youth-forward), not "nope"'],
      [['--month', '2026-10', '--contract', 'nope'], '--contract must be one of the contracts agreed (demo-contract), not "nope"'],
    ])('refuses %j with exit code 2 naming the option, and writes nothing', async (argv, message) => {
      // SQLite's own -wal/-shm beside the store may appear when the log is opened; nothing else may.
      const files = () => readdirSync(dataDir).filter((f) => !/^events\.sqlite-(wal|shm)$/.test(f)).sort();
      const before = files();
      const run = await cli(dataDir, 'report', ...argv, '--data-dir', dataDir);
      expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 2, stdout: '' });
      expect(run.stderr).toContain(message);
      expect(files()).toEqual(before);
      expect(existsSync(join(dataDir, 'steering-report-2026-10.html'))).toBe(false);
    });
  });
});
