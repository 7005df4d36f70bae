import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { CommandBus, EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { ConsentGiven, RuleViolation } from '@onedoor/domain';
import { Clock, CommittedEvent } from '@onedoor/platform';
import { PersonRegister } from '@onedoor/projections';
import { RecordConsentExpiryCommand } from './consent-expiry.command';

/** setTimeout's longest delay; longer waits are re-armed, and a clock change is noticed within it. */
const LONGEST_WAIT_MS = 60 * 60 * 1000;
/** After a due expiry could not be recorded (a conflict, the store busy), wait this long rather than spin. */
export const CONSENT_EXPIRY_RETRY_MS = 30 * 1000;

/**
 * Makes a consent's lapse an event: at each due time it sends RecordConsentExpiry for the consents whose
 * expiry has come (from the PersonRegister), and at start it records any that lapsed while the app was down.
 * Safe twice over: the domain refuses an expiry already recorded, so a second process (or sweep) writes nothing.
 */
@Injectable()
@EventsHandler(CommittedEvent)
export class ConsentExpiryProcess implements IEventHandler<CommittedEvent>, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('consent-expiry');
  private timer?: NodeJS.Timeout;
  private armedFor?: number;
  private running: Promise<number> = Promise.resolve(0);
  private stopped = false;

  constructor(private readonly commandBus: CommandBus, private readonly register: PersonRegister, private readonly clock: Clock) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.sweep();
  }

  /** Stops the timer, and lets a sweep under way finish before the store closes. */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.disarm();
    await this.settled();
  }

  /** Resolves once no sweep is running (or queued). */
  async settled(): Promise<void> {
    await this.running;
  }

  handle({ recorded }: CommittedEvent): void {
    // A new expiry may come sooner than the one the timer waits for; the register may not have it yet.
    if (recorded.type === 'ConsentGiven') {
      const { expiresAt } = recorded.data as ConsentGiven['data'];
      if (expiresAt) this.arm(Date.parse(expiresAt));
    }
  }

  /**
   * Records every expiry due by the platform clock's now, one at a time, then re-arms the timer for the next.
   * Sweeps never overlap. Resolves to how many expiries this sweep recorded.
   */
  sweep(): Promise<number> {
    this.running = this.running.then(() => this.recordDue());
    return this.running;
  }

  private async recordDue(): Promise<number> {
    if (this.stopped) return 0;
    const now = this.clock.now();
    let recorded = 0;
    let left = 0;
    for (const { personId, consentId } of this.register.pendingExpiries(now)) {
      try {
        await this.commandBus.execute(new RecordConsentExpiryCommand(personId, consentId, now));
        recorded++;
      } catch (error) {
        left++;
        // Refused: someone recorded it first, or it was withdrawn or erased meanwhile. Ids and the rule only.
        if (error instanceof RuleViolation) this.logger.debug({ msg: 'consent expiry not recorded', consentId, rule: error.rule });
        else this.logger.warn({ msg: 'could not record a consent expiry; will retry', consentId, error: (error as Error).name });
      }
    }
    if (recorded > 0) this.logger.log({ msg: 'consent expiries recorded', count: recorded });
    this.disarm();
    const next = this.register.pendingExpiries()[0];
    if (next) this.arm(Math.max(Date.parse(next.expiresAt), left > 0 ? Date.parse(now) + CONSENT_EXPIRY_RETRY_MS : 0));
    return recorded;
  }

  /** Wakes at `dueAt` (epoch ms on the platform clock), unless already waking sooner. */
  private arm(dueAt: number): void {
    if (this.stopped || (this.armedFor !== undefined && this.armedFor <= dueAt)) return;
    this.disarm();
    const wait = Math.min(Math.max(dueAt - Date.parse(this.clock.now()), 0), LONGEST_WAIT_MS);
    this.armedFor = dueAt;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.armedFor = undefined;
      void this.sweep();
    }, wait);
    this.timer.unref();
  }

  private disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.armedFor = undefined;
  }
}
