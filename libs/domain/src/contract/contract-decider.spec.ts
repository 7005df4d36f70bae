import { given } from '../testing/given-when-then';
import { fold } from '../shared/decider';
import { Actor } from '../shared/actor';
import { contractDecider } from './contract-decider';
import { AgreeContract, ContractCommand } from './contract-commands';
import { ContractEvent } from './contract-events';
import { timelineOf } from './contract-state';
import { Milestone, hubFeeOn } from './contract-terms';

const at = '2026-01-10T09:00:00.000Z';
const hub: Actor = { staffId: 'st-hub', partnerId: 'hub', managesConsortium: true };
const member: Actor = { staffId: 'st-a', partnerId: 'a', managesConsortium: false };
const members = ['hub', 'a', 'b'];
const m1: Milestone = { milestoneId: 'm1', name: 'Engaged', rule: { kind: 'activity-count', atLeast: 3, kinds: ['one-to-one', 'assessment'] }, paymentPence: 30_000 };
const m2: Milestone = { milestoneId: 'm2', name: 'In work 13 weeks', rule: { kind: 'sustained-employment', weeks: 13 }, paymentPence: 50_000 };
const m3: Milestone = { milestoneId: 'm3', name: 'In work 26 weeks', rule: { kind: 'sustained-employment', weeks: 26 }, paymentPence: 70_000 };

const agree = (changes: Partial<AgreeContract> = {}): ContractCommand => ({
  type: 'AgreeContract', contractId: 'k1', name: ' Into Work ', commissioner: 'Calderdale Council', period: { start: '2026-01-01', end: '2027-06-30' },
  milestones: [m1, m2, m3], hubFee: { kind: 'share-of-member-claims', percent: 10 },
  targets: [{ partnerId: 'a', referralsAccepted: 100, participantsStarted: 80, milestones: [{ milestoneId: 'm1', count: 60 }] }],
  memberPartnerIds: members, actor: hub, at, ...changes,
});
const agreed: ContractEvent = {
  type: 'ContractAgreed',
  data: {
    contractId: 'k1', at, by: { staffId: 'st-hub', partnerId: 'hub' }, name: 'Into Work', commissioner: 'Calderdale Council', hubPartnerId: 'hub',
    period: { start: '2026-01-01', end: '2027-06-30' }, milestones: [m1, m2, m3], hubFee: { kind: 'share-of-member-claims', percent: 10 },
    targets: [{ partnerId: 'a', referralsAccepted: 100, participantsStarted: 80, milestones: [{ milestoneId: 'm1', count: 60 }] }],
  },
};
const amendAt = '2026-05-03T09:00:00.000Z';
const amend = (changes: object, effectiveFrom = '2026-06-01', amendmentId = 'am1'): ContractCommand => ({
  type: 'AmendContract', amendmentId, effectiveFrom, reason: 'commissioner variation', changes, memberPartnerIds: members, actor: hub, at: amendAt,
});
const amended = (effectiveFrom: string, milestones: Milestone[], amendmentId = 'am1'): ContractEvent => ({
  type: 'ContractAmended', data: { contractId: 'k1', at: amendAt, by: { staffId: 'st-hub', partnerId: 'hub' }, amendmentId, effectiveFrom, reason: 'commissioner variation', changes: { milestones } },
});

describe('commissioner contract', () => {
  describe('agreeing', () => {
    it('is agreed by the hub, with milestones as data, payments, targets and the hub fee', () => {
      given(contractDecider, []).when(agree()).then([agreed]);
    });
    it('only the hub agrees a contract', () => {
      given(contractDecider, []).when(agree({ actor: member })).thenViolates('contract.only-hub', 'forbidden');
    });
    it('cannot be agreed twice', () => {
      given(contractDecider, [agreed]).when(agree()).thenViolates('contract.already-exists', 'conflict');
    });
    it('needs a name, a commissioner and a period with start before end', () => {
      given(contractDecider, []).when(agree({ name: ' ' })).thenViolates('contract.name-required');
      given(contractDecider, []).when(agree({ commissioner: '' })).thenViolates('contract.commissioner-required');
      given(contractDecider, []).when(agree({ period: { start: '2026-07-01', end: '2026-01-01' } })).thenViolates('contract.period-invalid');
      given(contractDecider, []).when(agree({ period: { start: '2026-02-30', end: '2027-01-01' } })).thenViolates('contract.period-invalid');
    });
    it('needs at least one milestone, each with an id and a name', () => {
      given(contractDecider, []).when(agree({ milestones: [] })).thenViolates('contract.milestones-required');
      given(contractDecider, []).when(agree({ milestones: [{ ...m1, milestoneId: ' ' }] })).thenViolates('contract.milestone-id-required');
      given(contractDecider, []).when(agree({ milestones: [{ ...m1, name: '' }] })).thenViolates('contract.milestone-name-required');
    });
    it('refuses an unknown rule, naming the milestone and the rule', () => {
      const v = given(contractDecider, []).when(agree({ milestones: [m1, { ...m2, rule: { kind: 'moon-phase' } as never }] })).thenViolates('contract.milestone-rule-unknown');
      expect(v.details).toEqual({ milestoneId: 'm2', kind: 'moon-phase' });
      expect(v.message).toContain('moon-phase');
    });
    it.each([
      ['atLeast below 1', { kind: 'activity-count', atLeast: 0 }],
      ['atLeast not whole', { kind: 'activity-count', atLeast: 2.5 }],
      ['an empty kinds list', { kind: 'activity-count', atLeast: 3, kinds: [] }],
      ['an unknown interaction kind', { kind: 'activity-count', atLeast: 3, kinds: ['seance'] }],
      ['weeks missing', { kind: 'sustained-employment' }],
      ['weeks above 156', { kind: 'sustained-employment', weeks: 200 }],
      ['an unknown outcome', { kind: 'referral-completed', outcomes: ['bliss'] }],
      ['a setting the kind does not take', { kind: 'sustained-employment', weeks: 13, atLeast: 3 }],
    ])('refuses a rule with %s', (_label, rule) => {
      given(contractDecider, []).when(agree({ milestones: [{ ...m1, rule: rule as never }] })).thenViolates('contract.milestone-rule-invalid');
    });
    it('refuses duplicate milestone ids', () => {
      given(contractDecider, []).when(agree({ milestones: [m1, { ...m2, milestoneId: 'm1' }] })).thenViolates('contract.milestone-id-duplicate');
    });
    it('refuses overlapping milestones: the same rule written twice would pay twice', () => {
      const sameRuleOtherOrder: Milestone = { ...m1, milestoneId: 'm1b', rule: { kind: 'activity-count', atLeast: 3, kinds: ['assessment', 'one-to-one'] } };
      const v = given(contractDecider, []).when(agree({ milestones: [m1, sameRuleOtherOrder] })).thenViolates('contract.milestones-overlap');
      expect(v.details).toEqual({ milestoneIds: ['m1', 'm1b'] });
    });
    it.each([[0], [-100], [10.5]])('refuses a payment of %p pence', (paymentPence) => {
      const v = given(contractDecider, []).when(agree({ milestones: [m1, { ...m2, paymentPence }] })).thenViolates('contract.payment-not-positive');
      expect(v.details).toEqual({ milestoneId: 'm2' });
    });
    it('refuses an unknown hub fee rule or a percent outside 0 to 100', () => {
      given(contractDecider, []).when(agree({ hubFee: { kind: 'flat', percent: 5 } as never })).thenViolates('contract.hub-fee-rule-unknown');
      given(contractDecider, []).when(agree({ hubFee: { kind: 'share-of-member-claims', percent: 101 } })).thenViolates('contract.hub-fee-invalid');
    });
    it('targets name current members once each, with whole counts and known milestones', () => {
      given(contractDecider, []).when(agree({ targets: [{ partnerId: 'zzz', referralsAccepted: 1 }] })).thenViolates('contract.target-partner-unknown');
      given(contractDecider, []).when(agree({ targets: [{ partnerId: 'a' }, { partnerId: 'a' }] })).thenViolates('contract.target-partner-duplicate');
      given(contractDecider, []).when(agree({ targets: [{ partnerId: 'a', participantsStarted: -1 }] })).thenViolates('contract.target-invalid');
      given(contractDecider, []).when(agree({ targets: [{ partnerId: 'a', milestones: [{ milestoneId: 'm9', count: 1 }] }] })).thenViolates('contract.target-milestone-unknown');
    });
  });

  describe('amending', () => {
    it('replaces terms from the first of a month; earlier months keep the old rule', () => {
      const cheaper = [{ ...m1, paymentPence: 25_000 }, m2, m3];
      given(contractDecider, [agreed]).when(amend({ milestones: cheaper })).then([amended('2026-06-01', cheaper)]);
      const timeline = timelineOf(fold(contractDecider, [agreed, amended('2026-06-01', cheaper)]));
      expect(timeline.termsOn('2026-05-31').milestones[0].paymentPence).toBe(30_000);
      expect(timeline.termsOn('2026-06-01T00:00:00.000Z').milestones[0].paymentPence).toBe(25_000);
      expect(timeline.termsOn('2026-06-01').hubFee.percent).toBe(10);
    });
    it('for one date, the amendment recorded last wins', () => {
      const first = [{ ...m1, paymentPence: 1 }, m2];
      const second = [{ ...m1, paymentPence: 2 }, m2];
      const state = fold(contractDecider, [agreed, amended('2026-06-01', first, 'a1'), amended('2026-06-01', second, 'a2')]);
      expect(timelineOf(state).termsOn('2026-07-01').milestones[0].paymentPence).toBe(2);
    });
    it('checks the amended terms as a whole', () => {
      given(contractDecider, [agreed]).when(amend({ milestones: [m1, { ...m2, rule: { kind: 'activity-count', atLeast: 3, kinds: ['one-to-one', 'assessment'] } }] })).thenViolates('contract.milestones-overlap');
      given(contractDecider, [agreed]).when(amend({ milestones: [m2] })).thenViolates('contract.target-milestone-unknown');
      given(contractDecider, [agreed]).when(amend({ hubFee: { kind: 'share-of-member-claims', percent: -1 } })).thenViolates('contract.hub-fee-invalid');
    });
    it('needs a change, a reason, an unused id and the hub', () => {
      given(contractDecider, [agreed]).when(amend({})).thenViolates('contract.amendment-empty');
      given(contractDecider, [agreed]).when({ ...amend({ hubFee: { kind: 'share-of-member-claims', percent: 5 } }), reason: ' ' } as ContractCommand).thenViolates('contract.reason-required');
      given(contractDecider, [agreed, amended('2026-06-01', [m1, m2, m3])]).when(amend({ hubFee: { kind: 'share-of-member-claims', percent: 5 } })).thenViolates('claim.already-recorded', 'conflict');
      given(contractDecider, [agreed]).when({ ...amend({ targets: [] }), actor: member } as ContractCommand).thenViolates('contract.only-hub', 'forbidden');
      given(contractDecider, []).when(amend({ targets: [] })).thenViolates('contract.not-found', 'not-found');
    });
    it('takes effect from the first of a month within the period, not before the current month nor before the latest amendment', () => {
      given(contractDecider, [agreed]).when(amend({ targets: [] }, '2026-06-15')).thenViolates('contract.amendment-date-invalid');
      given(contractDecider, [agreed]).when(amend({ targets: [] }, '2027-08-01')).thenViolates('contract.amendment-date-invalid');
      given(contractDecider, [agreed]).when(amend({ targets: [] }, '2026-04-01')).thenViolates('contract.amendment-retroactive');
      given(contractDecider, [agreed, amended('2026-09-01', [m1, m2, m3])]).when(amend({ targets: [] }, '2026-07-01', 'am2')).thenViolates('contract.amendment-out-of-order');
    });
  });

  describe('claim adjustments and clawbacks', () => {
    const adjust = (changes: object = {}): ContractCommand => ({
      type: 'AdjustClaim', adjustmentId: 'adj1', partnerId: 'a', month: '2026-03', amountPence: -5_000, reason: 'duplicate evidence', memberPartnerIds: members, actor: hub, at, ...changes,
    });
    const clawBack = (changes: object = {}): ContractCommand => ({
      type: 'ClawBackClaim', clawbackId: 'cb1', partnerId: 'a', month: '2026-04', amountPence: 30_000, reason: 'job ended in week 2', participantId: 'p1', milestoneId: 'm2',
      memberPartnerIds: members, actor: hub, at, ...changes,
    });
    it('the hub adjusts a month up or down, with a reason', () => {
      given(contractDecider, [agreed]).when(adjust()).then([
        { type: 'ClaimAdjusted', data: { contractId: 'k1', at, by: { staffId: 'st-hub', partnerId: 'hub' }, adjustmentId: 'adj1', partnerId: 'a', month: '2026-03', amountPence: -5_000, reason: 'duplicate evidence' } },
      ]);
    });
    it('the hub claws back a positive amount, naming the participant and milestone when it can', () => {
      const [event] = given(contractDecider, [agreed]).when(clawBack()).events();
      expect(event).toMatchObject({ type: 'ClaimClawedBack', data: { clawbackId: 'cb1', amountPence: 30_000, participantId: 'p1', milestoneId: 'm2' } });
    });
    it('refuses members, zero or fractional amounts, negative clawbacks, months outside the period, unknown partners and milestones, missing reasons, repeats', () => {
      given(contractDecider, [agreed]).when(adjust({ actor: member })).thenViolates('contract.only-hub', 'forbidden');
      given(contractDecider, [agreed]).when(adjust({ amountPence: 0 })).thenViolates('claim.amount-invalid');
      given(contractDecider, [agreed]).when(adjust({ amountPence: 1.5 })).thenViolates('claim.amount-invalid');
      given(contractDecider, [agreed]).when(clawBack({ amountPence: -1 })).thenViolates('claim.amount-invalid');
      given(contractDecider, [agreed]).when(adjust({ month: '2025-12' })).thenViolates('claim.month-invalid');
      given(contractDecider, [agreed]).when(adjust({ month: '2026-13' })).thenViolates('claim.month-invalid');
      given(contractDecider, [agreed]).when(adjust({ partnerId: 'zzz' })).thenViolates('claim.partner-unknown');
      given(contractDecider, [agreed]).when(clawBack({ milestoneId: 'm9' })).thenViolates('claim.milestone-unknown');
      given(contractDecider, [agreed]).when(adjust({ reason: '' })).thenViolates('claim.reason-required');
      const [done] = given(contractDecider, [agreed]).when(adjust()).events();
      given(contractDecider, [agreed, done]).when(adjust()).thenViolates('claim.already-recorded', 'conflict');
    });
  });

  it('the hub fee is its share of a net claim, rounded half away from zero, so a clawback returns its fee', () => {
    const rule = { kind: 'share-of-member-claims' as const, percent: 10 };
    expect(hubFeeOn(rule, 30_000)).toBe(3_000);
    expect(hubFeeOn(rule, 25)).toBe(3);
    expect(hubFeeOn(rule, -25)).toBe(-3);
    expect(hubFeeOn({ ...rule, percent: 0 }, 30_000)).toBe(0);
  });
});
