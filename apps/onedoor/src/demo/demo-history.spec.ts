import { DEMO_SERVICES, demoContract } from './demo-consortium';
import { DemoHistory, HistoryStep, demoHistory } from './demo-history';

const DAY = 86_400_000;
const partnerOf = (serviceId: string) => DEMO_SERVICES.find((s) => s.serviceId === serviceId)!.partnerId;

type Of<K extends HistoryStep['kind']> = Extract<HistoryStep, { kind: K }>;
const stepsOf = <K extends HistoryStep['kind']>(history: DemoHistory, kind: K) => history.steps.filter((s): s is Of<K> => s.kind === kind);
const actions = (history: DemoHistory, type: string) => stepsOf(history, 'act').filter((s) => s.action.type === type);

/** Days spread over a year and over the month (the 1st, the 15th, the 28th, the 31st), so calendar edges are covered. */
const TODAYS = ['2026-01-01', '2026-02-28', '2026-03-31', '2026-04-15', '2026-06-30', '2026-08-01', '2026-09-15', '2026-11-22', '2026-12-31', '2027-02-15'].map((d) => `${d}T10:30:00.000Z`);

describe('the demo history', () => {
  const history = demoHistory('2026-11-22T10:30:00.000Z');

  it('is the same plan for the same day, whatever the time of day', () => {
    expect(demoHistory('2026-11-22T23:59:00.000Z')).toEqual(history);
  });

  it.each(TODAYS)('on %s: starts the contract on the first of a month at least 27 weeks back, and every step is before today, in time order', (now) => {
    const h = demoHistory(now);
    const today = Date.parse(`${now.slice(0, 10)}T00:00:00Z`);
    expect(h.contractStart).toMatch(/^\d{4}-\d{2}-01$/);
    const start = Date.parse(h.contractStart);
    expect(today - start).toBeGreaterThanOrEqual(189 * DAY);
    expect(today - start).toBeLessThan(189 * DAY + 31 * DAY);
    expect(Date.parse(h.foundedAt)).toBeLessThan(Date.parse(h.contractAgreedAt));
    expect(Date.parse(h.contractAgreedAt)).toBeLessThan(start);
    const times = h.steps.map((s) => Date.parse(s.at));
    expect(times.every((t, i) => t < today && (i === 0 || t >= times[i - 1]))).toBe(true);
  });

  it('registers each participant and records their consent before anything is done for them', () => {
    const firstOf = new Map<string, string>();
    const consentedAt = new Map(stepsOf(history, 'consent').map((s) => [s.personId, s.at]));
    for (const s of stepsOf(history, 'register')) firstOf.set(s.personId, s.at);
    expect(firstOf.size).toBeGreaterThanOrEqual(50);
    expect(consentedAt.size).toBe(firstOf.size);
    for (const s of [...stepsOf(history, 'refer'), ...stepsOf(history, 'employment')]) {
      expect(Date.parse(consentedAt.get(s.personId)!)).toBeGreaterThan(Date.parse(firstOf.get(s.personId)!));
      expect(Date.parse(s.at)).toBeGreaterThan(Date.parse(consentedAt.get(s.personId)!));
    }
  });

  it('gives some participants consent for named partners only, and those cover every partner their referrals go to and every partner acting on them', () => {
    const named = stepsOf(history, 'consent').filter((s) => s.scope.kind === 'partners');
    expect(named.length).toBeGreaterThanOrEqual(15);
    const scopeOf = new Map(named.map((s) => [s.personId, s.scope.kind === 'partners' ? s.scope.partnerIds : []]));
    const personOf = new Map(stepsOf(history, 'refer').map((s) => [s.referralId, s.personId]));
    const partnersInvolved = [
      ...stepsOf(history, 'refer').map((s) => ({ personId: s.personId, partnerId: partnerOf(s.serviceId) })),
      ...stepsOf(history, 'act').flatMap((s) => [
        { personId: personOf.get(s.referralId)!, partnerId: s.by },
        ...(s.action.type === 'RouteReferral' || s.action.type === 'HandOffReferral' ? [{ personId: personOf.get(s.referralId)!, partnerId: partnerOf(s.action.serviceId) }] : []),
      ]),
      ...stepsOf(history, 'employment').map((s) => ({ personId: s.personId, partnerId: s.by })),
    ].filter((x) => scopeOf.has(x.personId));
    expect(partnersInvolved.length).toBeGreaterThan(100);
    for (const { personId, partnerId } of partnersInvolved) expect(scopeOf.get(personId)).toContain(partnerId);
  });

  it('has the journeys a consortium sees: rejections re-routed, handoffs, holds, cancellations, failures, a duplicate voided', () => {
    for (const rejected of actions(history, 'RejectReferral')) {
      const reroute = actions(history, 'RouteReferral').find((s) => s.referralId === rejected.referralId);
      expect(reroute && Date.parse(reroute.at) > Date.parse(rejected.at)).toBe(true);
    }
    expect(actions(history, 'RejectReferral').length).toBeGreaterThanOrEqual(3);
    expect(actions(history, 'HandOffReferral').length).toBeGreaterThanOrEqual(3);
    for (const type of ['PutReferralOnHold', 'ResumeReferral', 'CancelReferral', 'FailReferral', 'MarkReferralEnteredInError']) expect(actions(history, type).length).toBeGreaterThanOrEqual(1);
    const completed = actions(history, 'CompleteReferral');
    expect(completed.length).toBeGreaterThanOrEqual(40);
    expect(new Set(completed.map((s) => (s.action.type === 'CompleteReferral' ? s.action.outcome.code : undefined))).size).toBeGreaterThanOrEqual(3);
  });

  it('records spells in work from the contract start, some long enough for 26 weeks and some ended', () => {
    const starts = stepsOf(history, 'employment').flatMap((s) => (s.change.type === 'RecordEmploymentStart' ? [s.change.startedOn] : []));
    const ends = stepsOf(history, 'employment').filter((s) => s.change.type === 'RecordEmploymentEnd');
    expect(starts.length).toBeGreaterThanOrEqual(12);
    expect(ends.length).toBeGreaterThanOrEqual(2);
    const start = Date.parse(history.contractStart);
    const today = Date.parse('2026-11-22');
    expect(starts.filter((d) => Date.parse(d) >= start && Date.parse(d) + 26 * 7 * DAY <= today).length).toBeGreaterThanOrEqual(3);
  });

  it('counts heads at the choir and the carers café every month, and makes one claim adjustment and one clawback', () => {
    const months = (serviceId: string) => new Set(stepsOf(history, 'group').filter((s) => s.serviceId === serviceId).map((s) => s.occurredOn.slice(0, 7)));
    expect(months('valley-voices-choir').size).toBeGreaterThanOrEqual(6);
    expect(months('carers-cafe').size).toBeGreaterThanOrEqual(6);
    const claims = stepsOf(history, 'claim');
    expect(claims.map((s) => s.change.type).sort()).toEqual(['AdjustClaim', 'ClawBackClaim']);
    expect(claims.every((s) => s.by === 'calder-hub' && s.change.month >= history.contractStart.slice(0, 7))).toBe(true);
  });

  it.each(TODAYS)('on %s: the employment partner is behind its accepted-referrals target and the young people’s partner ahead of its own', (now) => {
    const h = demoHistory(now);
    const contract = demoContract(h.contractStart);
    const start = Date.parse(contract.period.start);
    const end = Date.parse(contract.period.end) + DAY;
    const elapsed = (Date.parse(now) - start) / (end - start);
    const acceptedBy = (partnerId: string) =>
      stepsOf(h, 'act').filter((s) => Date.parse(s.at) >= start && ((s.action.type === 'AcceptReferral' && s.by === partnerId) || (s.action.type === 'HandOffReferral' && partnerOf(s.action.serviceId) === partnerId))).length;
    const target = (partnerId: string) => contract.targets.find((t) => t.partnerId === partnerId)!.referralsAccepted;
    // Margins leave room for the four demo people seeded today (two of them accepted).
    expect(acceptedBy('calder-works') + 2).toBeLessThan(Math.round(target('calder-works') * elapsed) - 5);
    expect(acceptedBy('youth-forward')).toBeGreaterThan(Math.round(target('youth-forward') * elapsed) + 1);
  });

  it('names fictional people: made-up family names, drama phone numbers, example.org addresses, no two alike', () => {
    const people = stepsOf(history, 'register').map((s) => s.details);
    expect(new Set(people.map((d) => `${d.givenName} ${d.familyName} ${d.dateOfBirth}`)).size).toBe(people.length);
    for (const d of people) {
      expect(['Example', 'Sample', 'Placeholder', 'Specimen', 'Fictional', 'Madeup', 'Testwell', 'Demoson']).toContain(d.familyName);
      expect(d.phone).toMatch(/^07700 900\d{3}$/);
      if (d.email) expect(d.email).toMatch(/@example\.org$/);
    }
  });
});
