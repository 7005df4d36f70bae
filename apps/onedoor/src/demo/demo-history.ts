import type { ConsentScope, InteractionKind, OutcomeCode } from '@onedoor/domain';
import { seededRandom } from '@onedoor/projections/seeded-random';
import { DAY, HOUR, HistoryStep, MINUTE, Planned, Planner, dateOf } from './history-planner';

export type { HistoryStep } from './history-planner';

/** The same history every run: only the calendar it is laid on moves with today. */
const SEED = 0xca1de7;
/** The kinds of support the demo contract's first milestone counts. */
const COUNTED: InteractionKind[] = ['assessment', 'one-to-one', 'advice'];

export interface DemoHistory {
  /** When the consortium formed and listed its services, a month and a half before the contract. */
  foundedAt: string;
  /** When the hub agreed the contract, a month before it starts. */
  contractAgreedAt: string;
  /** The first of the month at least 27 weeks before today, so some spells in work reach 26 weeks. */
  contractStart: string;
  /** In time order, every one before today (UTC). */
  steps: HistoryStep[];
}

/** Days from acceptance to first support: most within a week, a long tail to three weeks. */
const firstWait = (p: Planner) => Math.round(1 + 20 * p.int(0, 100) ** 2 / 10_000);

/**
 * Six or seven months of a consortium's life before today, as a plan of what staff did and when: participants
 * registered with consent (some for named partners only), referrals accepted, rejected and re-routed, handed
 * off, cancelled, failed; support recorded; spells in work (some reaching 13 and 26 weeks); completions with
 * outcomes; the choir's and the carers' café's head counts; one claim adjustment and one clawback by the hub.
 * The employment partner falls behind its target for accepted referrals and the young people's partner runs
 * ahead of its own. Pure: the same `now` gives the same plan.
 */
export function demoHistory(now: string): DemoHistory {
  const today = Date.parse(`${now.slice(0, 10)}T00:00:00Z`);
  const latest = new Date(today - 189 * DAY);
  const start = Date.UTC(latest.getUTCFullYear(), latest.getUTCMonth(), 1);
  const p = new Planner(start, seededRandom(SEED));
  const lastRegistrationDay = Math.floor((today - start) / DAY) - 10;
  let n = 0;
  const nextPerson = () => ({ personId: `demo-participant-${String(++n).padStart(2, '0')}`, n });
  let referrals = 0;
  const nextReferral = () => `demo-history-referral-${String(++referrals).padStart(3, '0')}`;

  // Carried over from the pilot: job club before the contract, work in its first days, in-work support after.
  for (let k = 0; k < 5; k++) {
    const { personId } = nextPerson();
    const registered = p.register(personId, n, 'calder-hub', -40 + 3 * k, p.int(22, 55));
    const jobClub = nextReferral();
    p.refer(jobClub, personId, 'calder-hub', 'job-club', registered + 10 * MINUTE, { firstWait: 2, first: 'assessment', then: ['one-to-one', 'advice'], sessions: 3, outcome: 'need-met' });
    // The job-club completion above closes the referral; the job itself starts in the contract's first week.
    const startedOn = p.during(1 + k);
    p.employment(personId, 'calder-works', startedOn, startedOn + 2 * HOUR);
    const inWork = nextReferral();
    const referred = p.add(startedOn + 3 * HOUR, { kind: 'refer', by: 'calder-works', referralId: inWork, personId, needs: ['employment'], urgency: 'routine', serviceId: 'in-work-support' });
    let time = p.add(p.after(referred, 1, 2), { kind: 'act', by: 'calder-works', referralId: inWork, action: { type: 'AcceptReferral' } });
    for (let check = 0; check < 4; check++) p.interaction(inWork, 'calder-works', 'one-to-one', (time = p.after(time, 12, 16)));
    p.add(p.after(time, 5, 10), { kind: 'act', by: 'calder-works', referralId: inWork, action: { type: 'CompleteReferral', outcome: { code: 'need-met', enteredWork: true } } });
  }

  const tracks = [...Array(20).fill('employment'), ...Array(20).fill('youth'), ...Array(5).fill('minds'), ...Array(5).fill('housing'), ...Array(5).fill('debt'), ...Array(3).fill('carers')] as string[];
  // Interleave the tracks over the months (a fixed shuffle), so each month has a bit of everything.
  const order = tracks.map((track, i) => ({ track, key: p.int(0, 1_000_000), i })).sort((a, b) => a.key - b.key || a.i - b.i);
  const seen: Record<string, number> = {};
  order.forEach(({ track }, slot) => {
    const i = (seen[track] = (seen[track] ?? -1) + 1);
    const day = 1 + Math.floor(((slot + p.int(0, 99) / 100) * lastRegistrationDay) / order.length);
    const { personId } = nextPerson();
    const common = { firstWait: firstWait(p), first: 'assessment' as InteractionKind, outcome: p.pick<OutcomeCode>(['need-met', 'need-met', 'need-met', 'need-partly-met', 'need-partly-met', 'need-not-met', 'signposted-elsewhere']) };
    if (track === 'employment') {
      const by = i % 3 === 0 ? 'calder-works' : 'calder-hub';
      const registered = p.register(personId, n, by, day, p.int(19, 60));
      const service = i % 4 === 3 ? 'skills-for-work' : 'job-club';
      const other = service === 'job-club' ? 'skills-for-work' : 'job-club';
      p.refer(nextReferral(), personId, by, service, registered + 10 * MINUTE, {
        ...common, then: ['one-to-one', 'advice', 'phone-call', 'one-to-one'], sessions: p.int(2, 6),
        ...(i % 7 === 3 ? { rejected: { reason: 'out-of-area', to: other } } : {}),
        ...(i === 5 ? { failed: true } : {}), ...(i === 11 ? { cancelled: true } : {}), ...(i === 8 ? { onHold: true } : {}),
        ...(i % 5 !== 1 && i % 5 !== 3 ? { job: i % 5 === 4 ? { endsAfterDays: p.int(30, 70) } : {} } : {}),
      });
      if (i === 2) p.duplicate(nextReferral(), personId, by, service, registered + 15 * MINUTE);
      if (i % 4 === 1) p.refer(nextReferral(), personId, by, 'benefits-check', p.after(registered, 7, 20), { ...common, then: ['advice'], sessions: 2 });
    } else if (track === 'youth') {
      // Every fifth is 18 or over and moves on from mentoring to the job club.
      const adult = i % 5 === 4;
      const age = adult ? p.int(18, 22) : p.int(15, 17);
      const by = i % 4 === 0 ? 'calder-hub' : 'youth-forward';
      const registered = p.register(personId, n, by, day, age);
      const service = adult ? 'youth-mentoring' : p.pick(['youth-mentoring', 'youth-wellbeing-hub', 'young-carers-club']);
      p.refer(nextReferral(), personId, by, service, registered + 10 * MINUTE, {
        ...common, first: service === 'youth-wellbeing-hub' ? 'drop-in' : 'assessment', then: ['one-to-one', 'drop-in', 'one-to-one', 'advice'], sessions: p.int(3, 6),
        ...(i % 9 === 2 ? { rejected: { reason: 'no-capacity', to: service === 'youth-mentoring' ? 'youth-wellbeing-hub' : 'youth-mentoring' } } : {}),
        ...(adult ? { handOff: { afterSessions: 2, serviceId: 'job-club', reason: 'Ready for job search with an employment coach', then: { firstWait: p.int(3, 10), first: 'assessment', then: ['one-to-one', 'advice'], sessions: 3, ...(i % 10 === 4 ? { job: {} } : {}) } } } : {}),
      });
    } else if (track === 'minds') {
      const by = i % 2 === 0 ? 'calder-hub' : 'valley-minds';
      const registered = p.register(personId, n, by, day, p.int(20, 70));
      const service = ['peer-support-group', 'valley-voices-choir', 'talking-therapies', 'peer-support-group', 'talking-therapies'][i];
      const group = service !== 'talking-therapies';
      // Talking therapies has no places free: referrals wait on its list for a month or more.
      p.refer(nextReferral(), personId, by, service, registered + 10 * MINUTE, {
        ...common, firstWait: group ? common.firstWait : p.int(28, 45), first: group ? 'attendance' : 'assessment', then: group ? ['attendance', 'group-session'] : ['one-to-one'], sessions: p.int(3, 8),
      });
    } else if (track === 'housing') {
      const by = i % 2 === 0 ? 'calder-hub' : 'hearth-housing';
      const registered = p.register(personId, n, by, day, p.int(18, 65));
      const service = i % 2 === 0 ? 'housing-options' : 'tenancy-sustainment';
      p.refer(nextReferral(), personId, by, service, registered + 10 * MINUTE, {
        ...common, then: ['advice', 'home-visit', 'one-to-one'], sessions: p.int(2, 5),
        ...(i === 1 ? { rejected: { reason: 'not-eligible', to: 'housing-options' } } : {}),
      });
    } else if (track === 'debt') {
      const by = i % 2 === 0 ? 'calder-hub' : 'fair-money';
      const registered = p.register(personId, n, by, day, p.int(25, 75));
      const service = ['debt-advice', 'benefits-check', 'energy-advice', 'debt-advice', 'debt-advice'][i];
      p.refer(nextReferral(), personId, by, service, registered + 10 * MINUTE, {
        ...common, then: ['advice', 'phone-call', 'advice'], sessions: p.int(2, 4),
        ...(i === 3 ? { handOff: { afterSessions: 2, serviceId: 'tenancy-sustainment', reason: 'Rent arrears put the tenancy at risk', then: { firstWait: p.int(2, 6), first: 'home-visit', then: ['one-to-one', 'advice'], sessions: 3 } } } : {}),
      });
    } else {
      const registered = p.register(personId, n, 'carers-circle', day, p.int(30, 75));
      const service = i % 2 === 0 ? 'carers-assessment-support' : 'carers-break-fund';
      p.refer(nextReferral(), personId, 'carers-circle', service, registered + 10 * MINUTE, { ...common, then: ['phone-call', 'advice'], sessions: p.int(2, 4) });
    }
  });

  // Consent as given at registration: every third person for the partners their journey needs, the rest for the consortium.
  for (const [index, [personId, partners]] of [...p.partnersOf].entries()) {
    const registered = p.steps.find((s) => s.kind === 'register' && s.personId === personId)!;
    const scope: ConsentScope = index % 3 === 2 ? { kind: 'partners', partnerIds: [...new Set(['calder-hub', ...partners])].sort() } : { kind: 'consortium' };
    p.add(registered.time + 2 * MINUTE, { kind: 'consent', by: registered.by, personId, consentId: `${personId}-consent`, scope });
  }

  // Light touch: the choir every other week, the carers' café on the 12th of each month.
  for (let day = 2; start + day * DAY < today - DAY; day += 14) {
    const on = start + day * DAY;
    p.add(on + DAY + 9.5 * HOUR, { kind: 'group', by: 'valley-minds', serviceId: 'valley-voices-choir', sessionId: `demo-choir-${dateOf(on)}`, occurredOn: dateOf(on), count: p.int(14, 28) });
  }
  for (let month = 0; ; month++) {
    const on = Date.UTC(new Date(start).getUTCFullYear(), new Date(start).getUTCMonth() + month, 12);
    if (on >= today - DAY) break;
    p.add(on + DAY + 9.5 * HOUR, { kind: 'group', by: 'carers-circle', serviceId: 'carers-cafe', sessionId: `demo-carers-cafe-${dateOf(on).slice(0, 7)}`, occurredOn: dateOf(on), count: p.int(8, 18) });
  }

  // The hub's claim changes: late evidence accepted in the second month, an audit clawback of one engagement payment.
  const second = new Date(start + 40 * DAY).toISOString().slice(0, 7);
  p.add(start + 75 * DAY + 11 * HOUR, { kind: 'claim', by: 'calder-hub', change: { type: 'AdjustClaim', adjustmentId: 'demo-adjustment-1', partnerId: 'calder-works', month: second, amountPence: 15_000, reason: 'Evidence of a job start received after the month closed, accepted by the commissioner' } });
  const audited = engagedBy(p.steps, 'demo-participant-01', start);
  if (audited) {
    p.add(Math.max(audited.time, start) + 60 * DAY + 14 * HOUR, {
      kind: 'claim', by: 'calder-hub',
      change: { type: 'ClawBackClaim', clawbackId: 'demo-clawback-1', partnerId: audited.partnerId, month: dateOf(audited.time).slice(0, 7), amountPence: 30_000, reason: "The commissioner's audit found no signed start form for this participant", participantId: 'demo-participant-01', milestoneId: 'engaged' },
    });
  }

  const steps = p.steps
    .filter((s) => s.time < today)
    .sort((a, b) => a.time - b.time || a.seq - b.seq)
    .map(({ time, seq, ...step }) => ({ ...step, at: new Date(time).toISOString() }) as HistoryStep);
  return { foundedAt: new Date(start - 45 * DAY + 9 * HOUR).toISOString(), contractAgreedAt: new Date(start - 30 * DAY + 11 * HOUR).toISOString(), contractStart: dateOf(start), steps };
}

/** When and with whom a participant's third counted piece of support since the contract start fell: the demo contract's first milestone. */
function engagedBy(steps: Planned[], personId: string, since: number): { time: number; partnerId: string } | undefined {
  const theirs = new Set(steps.filter((s) => s.kind === 'refer' && s.personId === personId).map((s) => (s as { referralId: string }).referralId));
  const counted = steps
    .filter((s) => s.kind === 'act' && theirs.has(s.referralId) && s.action.type === 'RecordInteraction' && COUNTED.includes(s.action.kind) && s.time >= since)
    .sort((a, b) => a.time - b.time);
  return counted[2] && { time: counted[2].time, partnerId: counted[2].by };
}
