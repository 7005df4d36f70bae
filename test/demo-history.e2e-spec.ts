import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Consent, consentCovers } from '@onedoor/domain';
import type { RecordedEvent } from '@onedoor/event-store';
import { Clock } from '@onedoor/platform';
import { businessTimeOf, logOf } from '@onedoor/projections';
import { pounds } from '../apps/cli/src/report/format';
import { escapeHtml } from '../apps/cli/src/report/html';
import { seedDemoConsortium } from '../apps/onedoor/src/demo/seed-demo-consortium';
import { OnedoorTestApp, startTestApp } from './support/onedoor-test-app';
import { runCliCapturing } from './support/run-cli';

// Seeding six months of history (over 600 steps) takes a few seconds, more on a loaded CI machine.
jest.setTimeout(60_000);

const WITH_HISTORY = { SEED_DEMO_HISTORY: 'true' };
const DAY = 86_400_000;

type Money = { claimsPence: number; adjustmentsPence: number; clawbacksPence: number; netPence: number };
interface ClaimsBody {
  contracts: { contractId: string; lines: ({ month: string; partnerId: string; milestones: { milestoneId: string; count: number }[] } & Money)[]; byMonth: ({ month: string } & Money)[]; totals: Money }[];
}
interface DeliveryBody {
  contracts: { elapsed: number; partners: { partnerId: string; referralsAccepted: { actual: number; expectedToDate?: number }; groupSessions: number; attendances: number; interactions: number }[] }[];
}

async function allEvents(t: OnedoorTestApp): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of logOf(t.store)) events.push(event);
  return events;
}

const monthBefore = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 2, 1)).toISOString().slice(0, 7);
const lastDayOf = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);

describe('the demo with its history (SEED_DEMO_HISTORY)', () => {
  let t: OnedoorTestApp;
  let running = false;
  let now: string;
  let hub: string;
  const get = async <T>(path: string, as = hub): Promise<T> => {
    const response = await t.http().get(path).set('authorization', as);
    expect(response.status).toBe(200);
    return response.body as T;
  };

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true, env: WITH_HISTORY });
    running = true;
    now = t.app.get(Clock).now();
    hub = t.auth('calder-hub');
  });
  afterAll(async () => {
    if (running) await t.close();
  });

  it('puts every event’s business time in the past, months of it before today, the contract starting over six months ago', async () => {
    const events = await allEvents(t);
    const today = Date.parse(`${now.slice(0, 10)}T00:00:00Z`);
    const times = events.map((e) => businessTimeOf(e));
    expect(times.every((time) => time !== undefined && time <= Date.parse(now))).toBe(true);
    expect(times.filter((time) => time! < today).length).toBeGreaterThan(700);
    const agreed = events.find((e) => e.type === 'ContractAgreed')!;
    const start = Date.parse((agreed.data.period as { start: string }).start);
    expect(today - start).toBeGreaterThanOrEqual(27 * 7 * DAY);
    expect(Date.parse(agreed.data.at as string)).toBeLessThan(start);
    const formed = events.find((e) => e.type === 'ConsortiumFormed')!;
    expect(businessTimeOf(formed)!).toBeLessThan(Date.parse(agreed.data.at as string));
  });

  it('has claims in past months, with the hub’s adjustment and clawback', async () => {
    const [contract] = (await get<ClaimsBody>('/insights/claims')).contracts;
    const thisMonth = now.slice(0, 7);
    const pastMonths = contract.byMonth.filter((m) => m.month < thisMonth && m.claimsPence > 0);
    expect(pastMonths.length).toBeGreaterThanOrEqual(4);
    expect(contract.totals.adjustmentsPence).toBe(15_000);
    expect(contract.totals.clawbacksPence).toBe(-30_000);
    expect(new Set(contract.lines.filter((l) => l.claimsPence > 0).map((l) => l.partnerId)).size).toBeGreaterThanOrEqual(3);
  });

  it('attains milestones of all three kinds: three activities, 13 and 26 weeks in work', async () => {
    const body = await get<{ summary: { milestoneId: string; attained: number; amountPence: number }[]; attainments: { milestoneId: string; evidence: unknown[] }[] }>('/insights/milestones');
    const attained = Object.fromEntries(body.summary.map((s) => [s.milestoneId, s.attained]));
    expect(attained.engaged).toBeGreaterThanOrEqual(15);
    expect(attained['in-work-13']).toBeGreaterThanOrEqual(3);
    expect(attained['in-work-26']).toBeGreaterThanOrEqual(1);
    expect(body.attainments.every((a) => a.evidence.length > 0)).toBe(true);
  });

  it('measures waiting times (p50 and p90) and has some still waiting', async () => {
    const { total, partners } = await get<{ total: { measured: number; stillWaiting: number; p50Days?: number; p90Days?: number }; partners: { partnerId: string; p50Days?: number }[] }>('/insights/waiting-times');
    expect(total.measured).toBeGreaterThanOrEqual(50);
    expect(total.p50Days).toBeGreaterThan(0);
    expect(total.p90Days).toBeGreaterThan(total.p50Days!);
    expect(total.stillWaiting).toBeGreaterThan(0);
    expect(partners.filter((p) => p.p50Days !== undefined).length).toBeGreaterThanOrEqual(5);
  });

  it('counts the choir’s and the carers café’s head counts beside casework', async () => {
    const [contract] = (await get<DeliveryBody>('/insights/delivery')).contracts;
    const of = (partnerId: string) => contract.partners.find((p) => p.partnerId === partnerId)!;
    expect(of('valley-minds').groupSessions).toBeGreaterThanOrEqual(12);
    expect(of('valley-minds').attendances).toBeGreaterThan(of('valley-minds').groupSessions * 10);
    expect(of('carers-circle').groupSessions).toBeGreaterThanOrEqual(6);
    expect(of('calder-works').interactions).toBeGreaterThan(50);
    const { groups } = await get<{ groups: { key: string; groupSessions: number; completed: number }[] }>('/insights/outcomes?by=community');
    expect(groups.find((g) => g.key === 'carers')!.groupSessions).toBeGreaterThanOrEqual(6);
    expect(groups.reduce((n, g) => n + g.completed, 0)).toBeGreaterThanOrEqual(40);
  });

  it('leaves the employment partner behind its delivery target and the young people’s partner ahead, and routing says so', async () => {
    const body = await get<{ suggestions: { serviceId: string; partnerId: string; delivery: { behindBy: number; actual: number; expectedToDate: number } | null }[] }>('/people/demo-person-3/routing-suggestions?needs=employment');
    const delivery = (serviceId: string) => body.suggestions.find((s) => s.serviceId === serviceId)?.delivery;
    expect(delivery('job-club')!.behindBy).toBeGreaterThan(0);
    expect(delivery('youth-mentoring')!.behindBy).toBeLessThan(0);
    const [contract] = (await get<DeliveryBody>('/insights/delivery')).contracts;
    const works = contract.partners.find((p) => p.partnerId === 'calder-works')!.referralsAccepted;
    expect(delivery('job-club')!.behindBy).toBe(works.expectedToDate! - works.actual);
  });

  it('routes and hands off only to partners the person’s consent covers, at that moment', async () => {
    const consents = new Map<string, Consent[]>();
    const personOf = new Map<string, string>();
    let checked = 0;
    let named = 0;
    const check = (referralId: string, partnerId: string, at: string) => {
      const theirs = consents.get(personOf.get(referralId)!) ?? [];
      expect({ referralId, partnerId, covered: consentCovers(theirs, partnerId, at, 'referral') }).toEqual({ referralId, partnerId, covered: true });
      checked += 1;
    };
    for (const { type, data } of await allEvents(t)) {
      if (type === 'ConsentGiven') {
        const c = data as unknown as Consent & { personId: string };
        consents.set(c.personId, [...(consents.get(c.personId) ?? []), c]);
        if (c.scope.kind === 'partners') named += 1;
      }
      if (type === 'ReferralCreated') personOf.set(data.referralId as string, data.personId as string);
      if (type === 'ReferralRouted') check(data.referralId as string, data.partnerId as string, data.at as string);
      if (type === 'ReferralHandedOff') check(data.referralId as string, data.toPartnerId as string, data.at as string);
      if (type === 'ReferralAccepted') check(data.referralId as string, (data.by as { partnerId: string }).partnerId, data.at as string);
    }
    expect(checked).toBeGreaterThan(150);
    expect(named).toBeGreaterThanOrEqual(15);
  });

  it('answers as_of a past month from the log as it stood then, the same every time', async () => {
    const agreed = (await allEvents(t)).find((e) => e.type === 'ContractAgreed')!;
    const third = lastDayOf(new Date(Date.parse((agreed.data.period as { start: string }).start) + 70 * DAY).toISOString().slice(0, 7));
    const then = await get<ClaimsBody>(`/insights/claims?as_of=${third}`);
    const nowClaims = await get<ClaimsBody>('/insights/claims');
    expect(then.contracts[0].totals.claimsPence).toBeGreaterThan(0);
    expect(then.contracts[0].totals.claimsPence).toBeLessThan(nowClaims.contracts[0].totals.claimsPence);
    expect(then.contracts[0].byMonth.every((m) => m.month <= third.slice(0, 7))).toBe(true);
    expect(await get<ClaimsBody>(`/insights/claims?as_of=${third}`)).toEqual(then);
  });

  it('seeds nothing a second time', async () => {
    const head = await t.head();
    expect(await seedDemoConsortium(t.app)).toBe(false);
    expect(await t.head()).toBe(head);
  });

  describe('after a restart, and in the steering report', () => {
    let dataDir = '';
    let head = 0;
    beforeAll(async () => {
      head = await t.head();
      dataDir = t.dataDir;
      await t.close({ keepData: true });
      t = await startTestApp({ dataDir, seedDemo: true, env: WITH_HISTORY });
    });
    afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

    it('seeds nothing into a data directory that has a consortium', async () => {
      expect(await t.head()).toBe(head);
    });

    it('renders last month’s steering report with its claims', async () => {
      const lastMonth = monthBefore(now.slice(0, 7));
      const [month] = (await get<ClaimsBody>(`/insights/claims?as_of=${lastDayOf(lastMonth)}&month=${lastMonth}`)).contracts;
      expect(month.totals.claimsPence).toBeGreaterThan(0);
      await t.close({ keepData: true });
      running = false;
      const run = await runCliCapturing(dataDir, 'report', '--month', lastMonth, '--data-dir', dataDir, '--out', 'steering.html');
      expect(run.code).toBe(0);
      const page = readFileSync(join(dataDir, 'steering.html'), 'utf8');
      expect(page).toContain(`<th scope="row">${escapeHtml('Milestone claims')}</th><td class="num">${escapeHtml(pounds(month.totals.claimsPence))}</td>`);
      expect(page.match(/<section class="partner/g)!.length).toBeGreaterThanOrEqual(6);
      // The page carries numbers, never a participant's details.
      expect(page).not.toMatch(/Example|Placeholder|Specimen|07700 900/);
    });
  });
});

describe('the demo history laid on another calendar', () => {
  it('seeds on a leap day, behind and ahead of target as of that day', async () => {
    const t = await startTestApp({ env: WITH_HISTORY });
    try {
      const day = '2028-02-29';
      expect(await t.app.get(Clock).runAt(`${day}T08:00:00Z`, () => seedDemoConsortium(t.app))).toBe(true);
      const response = await t.http().get(`/insights/delivery?as_of=${day}`).set('authorization', t.auth('calder-hub'));
      const [contract] = (response.body as DeliveryBody).contracts;
      const accepted = (partnerId: string) => contract.partners.find((p) => p.partnerId === partnerId)!.referralsAccepted;
      expect(accepted('calder-works').actual).toBeLessThan(accepted('calder-works').expectedToDate!);
      expect(accepted('youth-forward').actual).toBeGreaterThan(accepted('youth-forward').expectedToDate!);
      const claims = await t.http().get(`/insights/claims?as_of=${day}`).set('authorization', t.auth('calder-hub'));
      expect((claims.body as ClaimsBody).contracts[0].byMonth.length).toBeGreaterThanOrEqual(5);
    } finally {
      await t.close();
    }
  });
});
