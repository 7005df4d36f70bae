import type { CommandBus } from '@nestjs/cqrs';
import { CONSENT_EXPIRY_ACTOR, RuleViolation } from '@onedoor/domain';
import { Clock, CommittedEvent } from '@onedoor/platform';
import { PersonRegister } from '@onedoor/projections';
import { Scenario, amira, front, seedConsortium } from '@onedoor/projections/testing/scenario';
import { CONSENT_EXPIRY_RETRY_MS, ConsentExpiryProcess } from './consent-expiry.process';
import { RecordConsentExpiryCommand } from './consent-expiry.command';

const T0 = '2026-05-01T09:00:00.000Z';
const plus = (ms: number) => new Date(Date.parse(T0) + ms).toISOString();
const HOUR = 3_600_000;

/** The timer, driven by fake timers and a movable clock: it wakes at the due time, not before, and stops on destroy. */
describe('the consent expiry process', () => {
  let s: Scenario;
  let register: PersonRegister;
  let now: string;
  let sent: RecordConsentExpiryCommand[];
  let failWith: Error | undefined;
  let process: ConsentExpiryProcess;

  const clock = { now: () => now } as Clock;
  const bus = {
    execute: async (command: RecordConsentExpiryCommand) => {
      sent.push(command);
      if (failWith) throw failWith;
      await s.person(command.personId, { type: 'RecordConsentExpiry', consentId: command.consentId, actor: CONSENT_EXPIRY_ACTOR, at: command.at });
      await reproject();
    },
  } as unknown as CommandBus;

  async function giveConsent(consentId: string, expiresAt: string) {
    await s.person('p-amira', { type: 'GiveConsent', consentId, scope: { kind: 'consortium' }, purposes: ['referral'], expiresAt, memberPartnerIds: [], actor: front, at: T0 });
    await reproject();
  }
  /** The register caught up with the log, as the app's runner keeps it. */
  async function reproject() {
    register.reset();
    await s.project(register);
  }
  /** Lets the clock and the timers move on together, then waits for the sweep the timer started. */
  async function passTime(ms: number) {
    now = plus(Date.parse(now) - Date.parse(T0) + ms);
    await jest.advanceTimersByTimeAsync(ms);
    await process.settled();
  }

  beforeEach(async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate', 'Date'] });
    s = new Scenario();
    await seedConsortium(s);
    await s.register('p-amira', amira, front, T0);
    register = new PersonRegister(s.vault);
    await s.project(register);
    now = T0;
    sent = [];
    failWith = undefined;
    process = new ConsentExpiryProcess(bus, register, clock);
  });
  afterEach(async () => {
    await process.onModuleDestroy();
    jest.useRealTimers();
  });

  it('wakes at the due time on the platform clock and records the expiry then, not before', async () => {
    await giveConsent('c-soon', plus(HOUR));
    await process.onApplicationBootstrap();
    expect(sent).toEqual([]);
    await passTime(HOUR - 1000);
    expect(sent).toEqual([]);
    await passTime(1000);
    expect(sent).toEqual([new RecordConsentExpiryCommand('p-amira', 'c-soon', plus(HOUR))]);
    expect(register.pendingExpiries()).toEqual([]);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('re-arms sooner when a consent given later expires sooner', async () => {
    await giveConsent('c-late', plus(5 * HOUR));
    await process.onApplicationBootstrap();
    await giveConsent('c-soon', plus(HOUR));
    process.handle(new CommittedEvent((await s.store.readAll(0, 1000)).at(-1)!));
    await passTime(HOUR);
    expect(sent.map((c) => c.consentId)).toEqual(['c-soon']);
    await passTime(4 * HOUR);
    expect(sent.map((c) => c.consentId)).toEqual(['c-soon', 'c-late']);
  });

  it('backs off after a failure instead of spinning, and ignores a refusal', async () => {
    await giveConsent('c-soon', plus(HOUR));
    now = plus(2 * HOUR);
    failWith = new Error('the store is busy');
    await process.onApplicationBootstrap();
    expect(sent).toHaveLength(1);
    await passTime(CONSENT_EXPIRY_RETRY_MS - 1000);
    expect(sent).toHaveLength(1);
    failWith = new RuleViolation('consent.already-expired', 'already recorded', 'conflict');
    await passTime(1000);
    expect(sent).toHaveLength(2);
  });

  it('stops its timer when the module is destroyed', async () => {
    await giveConsent('c-soon', plus(HOUR));
    await process.onApplicationBootstrap();
    expect(jest.getTimerCount()).toBe(1);
    await process.onModuleDestroy();
    expect(jest.getTimerCount()).toBe(0);
    await passTime(2 * HOUR);
    expect(sent).toEqual([]);
  });
});
