import { Logger } from '@nestjs/common';
import type { CommandBus } from '@nestjs/cqrs';
import { Consent, PersonFacts, RuleViolation, isOpen } from '@onedoor/domain';
import type { RecordedEvent } from '@onedoor/event-store';
import { Clock, CommittedEvent } from '@onedoor/platform';
import type { ProjectionRunner, ReferralBook, ReferralRecord } from '@onedoor/projections';
import { StopReferralOnConsentLossCommand } from '../referrals/referral.commands';
import type { DecisionFacts } from '../shared/decision-facts';
import { ConsentLossProcess } from './consent-loss.process';

const now = '2026-05-01T10:00:00.000Z';
const consent = (consentId: string, partnerIds: string[], withdrawnAt?: string): Consent => ({
  consentId, scope: { kind: 'partners', partnerIds }, purposes: ['referral'], givenAt: '2026-01-01T00:00:00.000Z', recordedBy: 'front', ...(withdrawnAt ? { withdrawnAt } : {}),
});
const referral = (referralId: string, status: ReferralRecord['status'], receivingPartnerId?: string, personId = 'p1') =>
  ({ referralId, personId, status, referringPartnerId: 'front', receivingPartnerId }) as ReferralRecord;
const recorded = (type: string, data: Record<string, unknown>, position = 10) => new CommittedEvent({ type, data, position } as unknown as RecordedEvent);

function processWith(referrals: ReferralRecord[], person: PersonFacts, refuse: string[] = []) {
  const sent: string[] = [];
  const bus = {
    execute: async (c: StopReferralOnConsentLossCommand) => {
      if (refuse.includes(c.referralId)) throw new RuleViolation('referral.not-live', 'already stopped', 'conflict');
      sent.push(`${c.referralId} ${c.causation}`);
    },
  } as unknown as CommandBus;
  const book = {
    openReferrals: () => referrals.filter((r) => isOpen(r.status)),
    forPerson: (id: string) => referrals.filter((r) => r.personId === id),
    referral: (id: string) => referrals.find((r) => r.referralId === id),
  } as unknown as ReferralBook;
  const waited: number[] = [];
  const runner = { waitFor: async (p: number) => void waited.push(p) } as unknown as ProjectionRunner;
  const facts = { person: async () => person } as unknown as DecisionFacts;
  const clock = { now: () => now } as Clock;
  return { process: new ConsentLossProcess(bus, book, runner, facts, clock), sent, waited };
}

describe('ConsentLossProcess', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn', 'debug', 'verbose']));
  const afterWithdrawal: PersonFacts = { status: 'registered', consents: [consent('c-works', ['works'], '2026-04-30T00:00:00.000Z'), consent('c-money', ['money'])] };
  const book = [
    referral('r-accepted', 'accepted', 'works'),
    referral('r-requested', 'requested', 'works'),
    referral('r-covered', 'in-progress', 'money'),
    referral('r-held', 'on-hold', 'works'),
    referral('r-done', 'completed', 'works'),
    referral('r-draft', 'draft'),
    referral('r-other-person', 'accepted', 'works', 'p2'),
  ];

  it('on a withdrawal, stops the person’s live referrals to partners no longer covered, once the read models have the event', async () => {
    const { process, sent, waited } = processWith(book, afterWithdrawal);
    process.handle(recorded('ConsentWithdrawn', { personId: 'p1', consentId: 'c-works' }, 42));
    await process.settled();
    expect(waited).toEqual([42]);
    expect(sent).toEqual(['r-accepted ConsentWithdrawn@42', 'r-requested ConsentWithdrawn@42']);
  });

  it('on an expiry, the same', async () => {
    const { process, sent } = processWith(book, afterWithdrawal);
    process.handle(recorded('ConsentExpired', { personId: 'p1', consentId: 'c-works' }, 7));
    await process.settled();
    expect(sent).toEqual(['r-accepted ConsentExpired@7', 'r-requested ConsentExpired@7']);
  });

  it('checks a referral made live after the withdrawal (one that slipped past the append condition)', async () => {
    const { process, sent } = processWith(book, afterWithdrawal);
    process.handle(recorded('ReferralRouted', { referralId: 'r-requested', partnerId: 'works' }, 50));
    process.handle(recorded('ReferralAccepted', { referralId: 'r-covered' }, 51));
    process.handle(recorded('InteractionRecorded', { referralId: 'r-accepted' }, 52));
    await process.settled();
    expect(sent).toEqual(['r-requested ReferralRouted@50']);
  });

  it('does nothing while consent covers the partner, or for an erased person', async () => {
    const covered = processWith(book, { status: 'registered', consents: [consent('c-all', ['works', 'money'])] });
    covered.process.handle(recorded('ConsentWithdrawn', { personId: 'p1' }));
    await covered.process.settled();
    expect(covered.sent).toEqual([]);
    const erased = processWith(book, { status: 'erased', consents: [] });
    expect(await erased.process.sweep()).toBe(0);
    expect(erased.sent).toEqual([]);
  });

  it('at start, sweeps every person’s live referrals; a refusal (another process stopped it first) is dropped', async () => {
    const { process, sent } = processWith(book, afterWithdrawal, ['r-requested']);
    expect(await process.sweep()).toBe(2);
    expect(sent).toEqual(['r-accepted sweep', 'r-other-person sweep']);
  });
});
