import type { ConsentScope, InteractionKind, OutcomeCode, PersonalDetails, ReasonCode } from '@onedoor/domain';
import type { ReferralAction } from '../../../referrals/src/referrals/referral.commands';
import { DEMO_SERVICES } from './demo-consortium';
import { demoParticipantDetails } from './demo-history-people';

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const MINUTE = 60_000;

type EmploymentChange = { type: 'RecordEmploymentStart'; startedOn: string } | { type: 'RecordEmploymentEnd'; endedOn: string };
type ClaimChange =
  | { type: 'AdjustClaim'; adjustmentId: string; partnerId: string; month: string; amountPence: number; reason: string }
  | { type: 'ClawBackClaim'; clawbackId: string; partnerId: string; month: string; amountPence: number; reason: string; participantId: string; milestoneId: string };

/** One thing staff did, `at` a past moment, acting for partner `by`: the seed turns each into the API's command. */
export type HistoryStep = { at: string; by: string } & (
  | { kind: 'register'; personId: string; details: PersonalDetails }
  | { kind: 'consent'; personId: string; consentId: string; scope: ConsentScope }
  | { kind: 'refer'; referralId: string; personId: string; needs: string[]; urgency: 'routine' | 'urgent'; serviceId: string }
  | { kind: 'act'; referralId: string; action: ReferralAction }
  | { kind: 'employment'; personId: string; change: EmploymentChange }
  | { kind: 'group'; serviceId: string; sessionId: string; occurredOn: string; count: number }
  | { kind: 'claim'; change: ClaimChange }
);
type WithoutTime<S> = S extends unknown ? Omit<S, 'at'> : never;
export type Unplanned = WithoutTime<HistoryStep>;
export type Planned = Unplanned & { time: number; seq: number };

const partnerOf = (serviceId: string) => DEMO_SERVICES.find((s) => s.serviceId === serviceId)!.partnerId;
const needOf = (serviceId: string) => DEMO_SERVICES.find((s) => s.serviceId === serviceId)!.needs[0];
export const dateOf = (time: number) => new Date(time).toISOString().slice(0, 10);

/** How one partner works a referral once it has it. */
export interface Casework {
  /** The service turns it down first (with this reason) and the referrer sends it to `to`. */
  rejected?: { reason: ReasonCode; to: string };
  /** The referrer cancels it before the partner answers. */
  cancelled?: boolean;
  /** Accepted, then the person cannot be reached. */
  failed?: boolean;
  /** Days from acceptance to the first piece of support. */
  firstWait: number;
  first: InteractionKind;
  then: InteractionKind[];
  sessions: number;
  onHold?: boolean;
  /** After this many sessions, the work moves to another partner's service, which carries on. */
  handOff?: { afterSessions: number; serviceId: string; reason: string; then: Casework };
  /** The person starts work; `endsAfterDays`: the job ends that many days in. */
  job?: { endsAfterDays?: number };
  outcome?: OutcomeCode;
}

/**
 * Lays out what staff did, in working hours, one referral's journey at a time; the steps are put in time order
 * at the end. Records which partners each person's journey reaches, for the consent they give.
 */
export class Planner {
  readonly steps: Planned[] = [];
  private seq = 0;
  private readonly interactions = new Map<string, number>();
  readonly partnersOf = new Map<string, Set<string>>();

  constructor(readonly start: number, private readonly random: () => number) {}

  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }
  pick<T>(options: readonly T[]): T {
    return options[this.int(0, options.length - 1)];
  }
  /** A minute in working hours on the day `day` days from the contract start (negative: before it). */
  during(day: number): number {
    return this.start + day * DAY + 9 * HOUR + this.int(0, 8 * 60 - 1) * MINUTE;
  }
  /** A working moment between `min` and `max` days after `time`, and always after it. */
  after(time: number, min: number, max: number): number {
    const day = Math.floor((time - this.start) / DAY) + this.int(min, max);
    return Math.max(this.during(day), time + this.int(15, 90) * MINUTE);
  }
  add(time: number, step: Unplanned): number {
    this.steps.push({ ...step, time, seq: this.seq++ } as Planned);
    return time;
  }

  /** Registers a participant; their consent is recorded once their journey says which partners it must cover. */
  register(personId: string, n: number, by: string, day: number, age: number): number {
    const time = this.during(day);
    const birth = new Date(time);
    birth.setUTCFullYear(birth.getUTCFullYear() - age);
    this.add(time, { kind: 'register', by, personId, details: demoParticipantDetails(n, dateOf(birth.getTime() - this.int(1, 360) * DAY)) });
    this.partnersOf.set(personId, new Set([by]));
    return time;
  }

  refer(referralId: string, personId: string, by: string, serviceId: string, time: number, casework: Casework): void {
    this.partnersOf.get(personId)!.add(partnerOf(serviceId));
    this.add(time, { kind: 'refer', by, referralId, personId, needs: [needOf(serviceId)], urgency: this.int(1, 10) === 1 ? 'urgent' : 'routine', serviceId });
    this.work(referralId, personId, by, serviceId, time, casework, false);
  }

  /** A mistaken second referral, voided by the referrer minutes later. */
  duplicate(referralId: string, personId: string, by: string, serviceId: string, time: number): void {
    this.add(time, { kind: 'refer', by, referralId, personId, needs: [needOf(serviceId)], urgency: 'routine', serviceId });
    this.add(time + 7 * MINUTE, { kind: 'act', by, referralId, action: { type: 'MarkReferralEnteredInError', reason: { code: 'duplicate' } } });
  }

  private work(referralId: string, personId: string, referrer: string, serviceId: string, routedAt: number, c: Casework, handedOff: boolean): void {
    let time = routedAt;
    let partner = partnerOf(serviceId);
    if (c.cancelled) {
      this.add(this.after(time, 1, 3), { kind: 'act', by: referrer, referralId, action: { type: 'CancelReferral', reason: { code: 'declined-by-person' } } });
      return;
    }
    if (c.rejected) {
      time = this.add(this.after(time, 0, 3), { kind: 'act', by: partner, referralId, action: { type: 'RejectReferral', reason: { code: c.rejected.reason } } });
      time = this.add(this.after(time, 1, 2), { kind: 'act', by: referrer, referralId, action: { type: 'RouteReferral', serviceId: c.rejected.to } });
      partner = partnerOf(c.rejected.to);
      this.partnersOf.get(personId)!.add(partner);
    }
    if (!handedOff) time = this.add(this.after(time, 0, 3), { kind: 'act', by: partner, referralId, action: { type: 'AcceptReferral' } });
    if (c.failed) {
      this.add(this.after(time, 14, 21), { kind: 'act', by: partner, referralId, action: { type: 'FailReferral', reason: { code: 'could-not-contact' } } });
      return;
    }
    time = this.after(time, c.firstWait, c.firstWait);
    for (let session = 1; session <= c.sessions; session++) {
      if (session > 1) time = this.after(time, 5, 12);
      this.interaction(referralId, partner, session === 1 ? c.first : this.pick(c.then), time);
      if (c.onHold && session === 1) {
        time = this.add(this.after(time, 2, 5), { kind: 'act', by: partner, referralId, action: { type: 'PutReferralOnHold', reason: { code: 'other', text: 'In hospital for a few weeks' } } });
        time = this.add(this.after(time, 14, 21), { kind: 'act', by: partner, referralId, action: { type: 'ResumeReferral' } });
      }
      if (c.handOff?.afterSessions === session) {
        const next = c.handOff;
        time = this.add(this.after(time, 1, 3), { kind: 'act', by: partner, referralId, action: { type: 'HandOffReferral', serviceId: next.serviceId, reason: next.reason } });
        this.partnersOf.get(personId)!.add(partnerOf(next.serviceId));
        return this.work(referralId, personId, referrer, next.serviceId, time, next.then, true);
      }
    }
    if (!c.job) {
      this.add(this.after(time, 3, 10), { kind: 'act', by: partner, referralId, action: { type: 'CompleteReferral', outcome: { code: c.outcome ?? 'need-met' } } });
      return;
    }
    const workStartedOn = this.after(time, 2, 10);
    time = this.add(this.after(workStartedOn, 1, 4), { kind: 'act', by: partner, referralId, action: { type: 'CompleteReferral', outcome: { code: 'need-met', enteredWork: true, workStartedOn: dateOf(workStartedOn) } } });
    this.employment(personId, partner, workStartedOn, time + 40 * MINUTE, c.job.endsAfterDays);
  }

  interaction(referralId: string, partner: string, kind: InteractionKind, time: number): void {
    const n = (this.interactions.get(referralId) ?? 0) + 1;
    this.interactions.set(referralId, n);
    this.add(time, { kind: 'act', by: partner, referralId, action: { type: 'RecordInteraction', interactionId: `${referralId}-support-${n}`, kind, occurredOn: dateOf(time) } });
  }

  employment(personId: string, partner: string, startedOn: number, recordedAt: number, endsAfterDays?: number): void {
    this.add(recordedAt, { kind: 'employment', by: partner, personId, change: { type: 'RecordEmploymentStart', startedOn: dateOf(startedOn) } });
    if (endsAfterDays === undefined) return;
    const endedOn = startedOn + endsAfterDays * DAY;
    this.add(this.after(endedOn, 2, 5), { kind: 'employment', by: partner, personId, change: { type: 'RecordEmploymentEnd', endedOn: dateOf(endedOn) } });
  }
}

