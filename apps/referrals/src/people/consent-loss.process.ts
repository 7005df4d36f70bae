import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { CommandBus, EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { Consent, RuleViolation, consentCovers } from '@onedoor/domain';
import type { RecordedEvent } from '@onedoor/event-store';
import { Clock, CommittedEvent } from '@onedoor/platform';
import { ProjectionRunner, ReferralBook, ReferralRecord } from '@onedoor/projections';
import { StopReferralOnConsentLossCommand } from '../referrals/referral.commands';
import { DecisionFacts } from '../shared/decision-facts';

/** Live work: a partner has it, or has been asked to take it. On hold is already stopped. */
const LIVE = new Set(['requested', 'accepted', 'in-progress']);
/** Person events that end cover. */
const CONSENT_ENDED = new Set(['ConsentWithdrawn', 'ConsentExpired']);
/** Referral events that put work with a (possibly uncovered) partner: what slipped past the append condition. */
const MADE_LIVE = new Set(['ReferralRouted', 'ReferralAccepted', 'ReferralResumed', 'ReferralHandedOff', 'ReferralReassigned']);

/** The live referrals among `referrals` whose receiving partner the consents do not cover at `at`. */
export function uncoveredLiveReferrals(referrals: readonly ReferralRecord[], consents: readonly Consent[], at: string): ReferralRecord[] {
  return referrals.filter((r) => LIVE.has(r.status) && r.receivingPartnerId !== undefined && !consentCovers(consents, r.receivingPartnerId, at));
}

/**
 * A live referral needs consent covering its receiving partner. When a consent is withdrawn or expires, this
 * process stops every live referral of the person to a partner no longer covered: accepted or in-progress work
 * goes on hold, a request not yet accepted is cancelled (StopReferralOnConsentLoss, reason `consent-ended`).
 * It also checks each referral event that makes work live, so one that slipped past the append condition
 * (a store without multi-stream conditions) is stopped straight after, and at start it sweeps the book, so a
 * crash between a withdrawal and its stop loses nothing. Safe when several processes run it: the domain refuses
 * to stop a referral twice or while consent covers it, and those refusals are logged and dropped.
 * Logs carry ids and rule names only.
 */
@Injectable()
@EventsHandler(CommittedEvent)
export class ConsentLossProcess implements IEventHandler<CommittedEvent>, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('consent-loss');
  /** One check at a time, in the order the log committed them. */
  private running: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly commandBus: CommandBus,
    private readonly book: ReferralBook,
    private readonly runner: ProjectionRunner,
    private readonly facts: DecisionFacts,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.sweep();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    await this.settled();
  }

  /** Resolves once every check queued so far has finished. */
  async settled(): Promise<void> {
    let seen: Promise<unknown>;
    do {
      seen = this.running;
      await seen;
    } while (seen !== this.running);
  }

  handle({ recorded }: CommittedEvent): void {
    if (CONSENT_ENDED.has(recorded.type)) this.queue(recorded, () => this.checkPerson(recorded.data.personId as string, recorded));
    else if (MADE_LIVE.has(recorded.type)) this.queue(recorded, () => this.checkReferral(recorded.data.referralId as string, recorded));
  }

  /** Every live referral to an uncovered partner, whoever's they are. Resolves to how many were stopped. */
  sweep(): Promise<number> {
    return this.enqueue(async () => {
      const people = new Map<string, ReferralRecord[]>();
      // Open referrals only: after a restore, reading every referral would parse the whole book at start.
      for (const r of this.book.openReferrals()) if (LIVE.has(r.status)) people.set(r.personId, [...(people.get(r.personId) ?? []), r]);
      let count = 0;
      for (const [personId, referrals] of people) count += await this.stopUncovered(personId, referrals, 'sweep');
      if (count > 0) this.logger.log({ msg: 'live referrals without consent stopped at start', count });
      return count;
    });
  }

  private queue(recorded: RecordedEvent, check: () => Promise<number>): void {
    // The read models may not have applied this event (or the referral it follows) yet.
    void this.enqueue(async () => {
      await this.runner.waitFor(recorded.position);
      return check();
    });
  }

  private enqueue(work: () => Promise<number>): Promise<number> {
    const next = this.running.then(() => (this.stopped ? 0 : work())).catch((error: Error) => {
      this.logger.warn({ msg: 'consent check failed; the next start sweeps again', error: error.name });
      return 0;
    });
    this.running = next;
    return next;
  }

  private async checkPerson(personId: string, cause: RecordedEvent): Promise<number> {
    return this.stopUncovered(personId, this.book.forPerson(personId), `${cause.type}@${cause.position}`);
  }

  private async checkReferral(referralId: string, cause: RecordedEvent): Promise<number> {
    const referral = this.book.referral(referralId);
    return referral ? this.stopUncovered(referral.personId, [referral], `${cause.type}@${cause.position}`) : 0;
  }

  private async stopUncovered(personId: string, referrals: readonly ReferralRecord[], causation: string): Promise<number> {
    if (!referrals.some((r) => LIVE.has(r.status))) return 0;
    // Consent from the person's stream, not a read model: the log is the truth a decision uses.
    const person = await this.facts.person(personId);
    if (person.status !== 'registered') return 0;
    let stopped = 0;
    for (const { referralId, receivingPartnerId } of uncoveredLiveReferrals(referrals, person.consents, this.clock.now())) {
      try {
        await this.commandBus.execute(new StopReferralOnConsentLossCommand(referralId, causation));
        stopped++;
        this.logger.log({ msg: 'live referral stopped: consent no longer covers the partner', referralId, partnerId: receivingPartnerId, rule: 'referral.consent-required' });
      } catch (error) {
        // Another process stopped it first, someone closed it, or consent was given again: nothing to do.
        if (error instanceof RuleViolation) this.logger.debug({ msg: 'referral not stopped', referralId, rule: error.rule });
        else this.logger.warn({ msg: 'could not stop a referral; the next start sweeps again', referralId, error: (error as Error).name });
      }
    }
    return stopped;
  }
}
