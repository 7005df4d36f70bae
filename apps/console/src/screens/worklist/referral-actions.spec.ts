import type { Actor, Referral, ReferralStatus } from '../../api/types';
import { Action, INTERACTION_KINDS, OUTCOME_CODES, REASON_CODES, actionsFor } from './referral-actions';

const referral = (status: ReferralStatus, overrides: Partial<Referral> = {}): Referral => ({
  referralId: 'ref-1',
  personId: 'per-1',
  status,
  referringPartnerId: 'hearth',
  receivingPartnerId: 'works',
  serviceId: 'job-club',
  needs: ['employment'],
  urgency: 'routine',
  createdAt: '2026-03-01T09:00:00Z',
  updatedAt: '2026-03-01T09:00:00Z',
  overdue: false,
  waitlisted: false,
  version: 2,
  interactions: [],
  ...overrides,
});

const RECEIVER: Actor = { staffId: 's-works', partnerId: 'works', managesConsortium: false };
const REFERRER: Actor = { staffId: 's-hearth', partnerId: 'hearth', managesConsortium: false };
const HUB: Actor = { staffId: 's-hub', partnerId: 'hub', managesConsortium: true };
const OUTSIDER: Actor = { staffId: 's-other', partnerId: 'elsewhere', managesConsortium: false };

describe('actionsFor', () => {
  it('a requested referral: the receiver accepts or rejects; the parties and the hub can cancel', () => {
    expect(actionsFor(referral('requested'), RECEIVER)).toEqual(['accept', 'reject', 'cancel']);
    expect(actionsFor(referral('requested'), REFERRER)).toEqual(['cancel']);
    expect(actionsFor(referral('requested'), HUB)).toEqual(['cancel']);
    expect(actionsFor(referral('requested'), OUTSIDER)).toEqual([]);
  });

  it.each<ReferralStatus>(['accepted', 'in-progress'])('%s work: the receiver does the work and alone hands it off; the referrer and the hub can cancel', (status) => {
    expect(actionsFor(referral(status), RECEIVER)).toEqual(['interaction', 'employment', 'hold', 'handoff', 'complete', 'fail', 'cancel']);
    expect(actionsFor(referral(status), REFERRER)).toEqual(['cancel']);
    expect(actionsFor(referral(status), HUB)).toEqual(['cancel']);
    expect(actionsFor(referral(status), OUTSIDER)).toEqual([]);
  });

  it('on hold: the receiver resumes, completes or fails it; no support is recorded while it waits', () => {
    const actions = actionsFor(referral('on-hold'), RECEIVER);
    expect(actions).toEqual(['resume', 'complete', 'fail', 'cancel']);
    expect(actions).not.toContain<Action>('interaction');
    expect(actions).not.toContain<Action>('hold');
    expect(actionsFor(referral('on-hold'), REFERRER)).toEqual(['cancel']);
    expect(actionsFor(referral('on-hold'), HUB)).toEqual(['cancel']);
  });

  it('rejected: the referrer or the hub routes it again; nobody is offered a cancel the API would refuse', () => {
    expect(actionsFor(referral('rejected'), REFERRER)).toEqual(['route']);
    expect(actionsFor(referral('rejected'), HUB)).toEqual(['route']);
    expect(actionsFor(referral('rejected'), RECEIVER)).toEqual([]);
  });

  it('a draft: the referrer or the hub routes or cancels it', () => {
    const draft = referral('draft', { receivingPartnerId: undefined, serviceId: undefined });
    expect(actionsFor(draft, REFERRER)).toEqual(['route', 'cancel']);
    expect(actionsFor(draft, HUB)).toEqual(['route', 'cancel']);
    expect(actionsFor(draft, RECEIVER)).toEqual([]);
  });

  it.each<ReferralStatus>(['completed', 'failed', 'cancelled', 'entered-in-error'])('%s: nothing more to do, for anyone', (status) => {
    for (const actor of [RECEIVER, REFERRER, HUB]) expect(actionsFor(referral(status), actor)).toEqual([]);
  });

  it('a hub that received the referral acts as the receiver', () => {
    const toHub = referral('accepted', { receivingPartnerId: 'hub' });
    expect(actionsFor(toHub, HUB)).toEqual(['interaction', 'employment', 'hold', 'handoff', 'complete', 'fail', 'cancel']);
    expect(actionsFor(referral('requested', { receivingPartnerId: 'hub' }), HUB)).toEqual(['accept', 'reject', 'cancel']);
  });

  it('a partner referring into its own service both receives and may re-route', () => {
    const own = referral('rejected', { referringPartnerId: 'works' });
    expect(actionsFor(own, RECEIVER)).toEqual(['route']);
    expect(actionsFor(referral('requested', { referringPartnerId: 'works' }), RECEIVER)).toEqual(['accept', 'reject', 'cancel']);
  });
});

describe('the codes offered in the action forms', () => {
  it('has unique codes, each with a label, and "other" among the reasons', () => {
    for (const list of [REASON_CODES, OUTCOME_CODES]) {
      const codes = list.map((c) => c.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const c of list) expect(c.label.trim()).not.toBe('');
    }
    expect(REASON_CODES.map((c) => c.code)).toContain('other');
    expect(new Set(INTERACTION_KINDS).size).toBe(INTERACTION_KINDS.length);
  });
});
