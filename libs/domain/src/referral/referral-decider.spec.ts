import { given } from '../testing/given-when-then';
import { Actor } from '../shared/actor';
import { Consent } from '../person/consent';
import { referralDecider } from './referral-decider';
import { ReferralCommand, PersonFacts } from './referral-commands';
import { ReferralEvent } from './referral-events';
import { REFERRAL_STATUSES, ReferralStatus, canTransition } from './referral-status';
import { RoutingTarget } from './routing-target';
import { isOverdue } from './referral-state';
import { fold } from '../shared/decider';

const at = '2026-04-01T09:00:00.000Z';
const later = '2026-04-02T09:00:00.000Z';
const referrer: Actor = { staffId: 'st-front', partnerId: 'front', managesConsortium: false };
const receiver: Actor = { staffId: 'st-recv', partnerId: 'recv', managesConsortium: false };
const bystander: Actor = { staffId: 'st-by', partnerId: 'by', managesConsortium: false };
const hub: Actor = { staffId: 'st-hub', partnerId: 'hub', managesConsortium: true };
const consortiumConsent: Consent = { consentId: 'c1', scope: { kind: 'consortium' }, purposes: ['referral'], givenAt: '2026-01-01T00:00:00.000Z', recordedBy: 'front' };
const person: PersonFacts = { status: 'registered', consents: [consortiumConsent] };
const onlyFrontConsent: PersonFacts = { status: 'registered', consents: [{ ...consortiumConsent, scope: { kind: 'partners', partnerIds: ['front'] } }] };
const target = (partnerId = 'recv', serviceId = 'svc-recv'): RoutingTarget => ({ serviceId, partnerId, serviceActive: true, partnerIsMember: true, waitlisted: false, waitlistClosed: false });
const reason = { code: 'no-capacity' as const };

const e = {
  created: { type: 'ReferralCreated', data: { referralId: 'r1', at, by: { staffId: 'st-front', partnerId: 'front' }, personId: 'per1', referringPartnerId: 'front', needs: ['employment'], urgency: 'routine' } } as ReferralEvent,
  routed: { type: 'ReferralRouted', data: { referralId: 'r1', at, by: { staffId: 'st-front', partnerId: 'front' }, partnerId: 'recv', serviceId: 'svc-recv', respondBy: '2026-04-06T09:00:00.000Z', waitlisted: false } } as ReferralEvent,
  accepted: { type: 'ReferralAccepted', data: { referralId: 'r1', at, by: { staffId: 'st-recv', partnerId: 'recv' } } } as ReferralEvent,
  started: { type: 'ReferralStarted', data: { referralId: 'r1', at, by: { staffId: 'st-recv', partnerId: 'recv' } } } as ReferralEvent,
  held: { type: 'ReferralPutOnHold', data: { referralId: 'r1', at, by: { staffId: 'st-recv', partnerId: 'recv' }, reason } } as ReferralEvent,
  rejected: { type: 'ReferralRejected', data: { referralId: 'r1', at, by: { staffId: 'st-recv', partnerId: 'recv' }, reason } } as ReferralEvent,
  completed: { type: 'ReferralCompleted', data: { referralId: 'r1', at, by: { staffId: 'st-recv', partnerId: 'recv' }, outcome: { code: 'need-met' } } } as ReferralEvent,
  failed: { type: 'ReferralFailed', data: { referralId: 'r1', at, by: { staffId: 'st-recv', partnerId: 'recv' }, reason } } as ReferralEvent,
  cancelled: { type: 'ReferralCancelled', data: { referralId: 'r1', at, by: { staffId: 'st-front', partnerId: 'front' }, reason } } as ReferralEvent,
  voided: { type: 'ReferralEnteredInError', data: { referralId: 'r1', at, by: { staffId: 'st-front', partnerId: 'front' }, reason: { code: 'duplicate' } } } as ReferralEvent,
};

/** A history that leaves the referral in each status. */
const historyFor: Record<ReferralStatus, ReferralEvent[]> = {
  draft: [e.created],
  requested: [e.created, e.routed],
  accepted: [e.created, e.routed, e.accepted],
  'in-progress': [e.created, e.routed, e.accepted, e.started],
  'on-hold': [e.created, e.routed, e.accepted, e.held],
  rejected: [e.created, e.routed, e.rejected],
  completed: [e.created, e.routed, e.accepted, e.started, e.completed],
  failed: [e.created, e.routed, e.accepted, e.started, e.failed],
  cancelled: [e.created, e.routed, e.cancelled],
  'entered-in-error': [e.created, e.routed, e.voided],
};

/** Each status-changing command, as the party allowed to give it, and the status it leads to. */
const transitions: { command: ReferralCommand; to: ReferralStatus }[] = [
  { command: { type: 'RouteReferral', target: target('recv', 'svc-other'), person, actor: referrer, at }, to: 'requested' },
  { command: { type: 'AcceptReferral', person, actor: receiver, at }, to: 'accepted' },
  { command: { type: 'RejectReferral', reason, actor: receiver, at }, to: 'rejected' },
  { command: { type: 'StartReferral', actor: receiver, at }, to: 'in-progress' },
  { command: { type: 'PutReferralOnHold', reason, actor: receiver, at }, to: 'on-hold' },
  { command: { type: 'CompleteReferral', outcome: { code: 'need-met' }, actor: receiver, at }, to: 'completed' },
  { command: { type: 'FailReferral', reason, actor: receiver, at }, to: 'failed' },
  { command: { type: 'CancelReferral', reason, actor: referrer, at }, to: 'cancelled' },
  { command: { type: 'MarkReferralEnteredInError', reason: { code: 'duplicate' }, actor: referrer, at }, to: 'entered-in-error' },
];

describe('referral state machine', () => {
  for (const from of REFERRAL_STATUSES) {
    for (const { command, to } of transitions) {
      if (command.type === 'StartReferral' && from === 'on-hold') continue; // resumed, not started: tested below
      const allowed = canTransition(from, to);
      it(`${command.type} on a ${from} referral ${allowed ? 'makes it' : 'cannot make it'} ${to}`, () => {
        const scenario = given(referralDecider, historyFor[from]).when(command);
        if (allowed) {
          const state = fold(referralDecider, [...historyFor[from], ...scenario.events()]);
          expect(state.status).toBe(to);
        } else {
          const violation = scenario.thenViolates('referral.transition-not-allowed', 'conflict');
          expect(violation.details).toEqual({ from, to });
        }
      });
    }
    const resumeAllowed = from === 'on-hold';
    it(`ResumeReferral on a ${from} referral ${resumeAllowed ? 'is allowed' : 'is refused'}`, () => {
      const scenario = given(referralDecider, historyFor[from]).when({ type: 'ResumeReferral', person, actor: receiver, at });
      if (resumeAllowed) expect(scenario.events()[0].type).toBe('ReferralResumed');
      else scenario.thenViolates('referral.transition-not-allowed', 'conflict');
    });
  }

  it('an on-hold referral is resumed, not started', () => {
    given(referralDecider, historyFor['on-hold']).when({ type: 'StartReferral', actor: receiver, at }).thenViolates('referral.resume-from-hold', 'conflict');
  });
  it('nothing leaves entered-in-error', () => {
    expect(REFERRAL_STATUSES.filter((to) => canTransition('entered-in-error', to))).toEqual([]);
  });
});

describe('referral', () => {
  describe('creation and routing', () => {
    it('is created as a draft', () => {
      given(referralDecider, [])
        .when({ type: 'CreateReferral', referralId: 'r1', personId: 'per1', person, needs: ['employment'], urgency: 'routine', actor: referrer, at })
        .then([e.created]);
    });
    it('is created and routed in one step, due in five days by default', () => {
      given(referralDecider, [])
        .when({ type: 'CreateReferral', referralId: 'r1', personId: 'per1', person, needs: ['employment'], urgency: 'routine', routing: { target: target() }, actor: referrer, at })
        .then([e.created, e.routed]);
    });
    it('cannot be created twice', () => {
      given(referralDecider, [e.created])
        .when({ type: 'CreateReferral', referralId: 'r1', personId: 'per1', person, needs: ['x'], urgency: 'routine', actor: referrer, at })
        .thenViolates('referral.already-exists', 'conflict');
    });
    it('needs a registered, unerased person and a need', () => {
      const create = (p: PersonFacts, needs = ['employment']): ReferralCommand => ({ type: 'CreateReferral', referralId: 'r1', personId: 'per1', person: p, needs, urgency: 'routine', actor: referrer, at });
      given(referralDecider, []).when(create({ status: 'unknown', consents: [] })).thenViolates('referral.person-not-found', 'not-found');
      given(referralDecider, []).when(create({ status: 'erased', consents: [] })).thenViolates('referral.person-erased', 'conflict');
      given(referralDecider, []).when(create(person, [])).thenViolates('referral.needs-required');
    });
    it('a live referral needs consent covering the receiving partner', () => {
      const v = given(referralDecider, [e.created]).when({ type: 'RouteReferral', target: target(), person: onlyFrontConsent, actor: referrer, at }).thenViolates('referral.consent-required');
      expect(v.details).toEqual({ partnerId: 'recv' });
    });
    it('expired or withdrawn consent does not count', () => {
      const withdrawn: PersonFacts = { status: 'registered', consents: [{ ...consortiumConsent, withdrawnAt: '2026-02-01T00:00:00.000Z' }] };
      given(referralDecider, [e.created]).when({ type: 'RouteReferral', target: target(), person: withdrawn, actor: referrer, at }).thenViolates('referral.consent-required');
    });
    it('cannot be routed to a withdrawn service or a partner outside the consortium', () => {
      given(referralDecider, [e.created]).when({ type: 'RouteReferral', target: { ...target(), serviceActive: false }, person, actor: referrer, at }).thenViolates('referral.service-not-active');
      given(referralDecider, [e.created]).when({ type: 'RouteReferral', target: { ...target(), partnerIsMember: false }, person, actor: referrer, at }).thenViolates('referral.partner-not-member');
    });
    it('cannot be routed to a full service whose waitlist is closed; a full one with an open waitlist takes it, flagged', () => {
      const full = { ...target(), waitlisted: true };
      given(referralDecider, [e.created]).when({ type: 'RouteReferral', target: { ...full, waitlistClosed: true }, person, actor: referrer, at }).thenViolates('referral.service-waitlist-closed', 'conflict');
      const [routed] = given(referralDecider, [e.created]).when({ type: 'RouteReferral', target: full, person, actor: referrer, at }).events();
      expect(routed).toMatchObject({ type: 'ReferralRouted', data: { waitlisted: true } });
    });
    it('is routed only by its referrer or the hub', () => {
      given(referralDecider, [e.created]).when({ type: 'RouteReferral', target: target(), person, actor: bystander, at }).thenViolates('referral.only-referrer-routes', 'forbidden');
      const [routed] = given(referralDecider, [e.created]).when({ type: 'RouteReferral', target: target(), person, actor: hub, at }).events();
      expect(routed.type).toBe('ReferralRouted');
    });
    it('a due date must lie ahead', () => {
      given(referralDecider, [e.created]).when({ type: 'RouteReferral', target: target(), respondBy: '2026-03-01T00:00:00.000Z', person, actor: referrer, at }).thenViolates('referral.respond-by-in-past');
    });
    it('is waitlisted when the service has no capacity', () => {
      const [routed] = given(referralDecider, [e.created]).when({ type: 'RouteReferral', target: { ...target(), waitlisted: true }, person, actor: referrer, at }).events();
      expect(routed).toMatchObject({ data: { waitlisted: true } });
    });
    it('is overdue once its due date passes without a response', () => {
      const requested = fold(referralDecider, historyFor.requested);
      expect(isOverdue(requested, '2026-04-05T09:00:00.000Z')).toBe(false);
      expect(isOverdue(requested, '2026-04-07T09:00:00.000Z')).toBe(true);
      expect(isOverdue(fold(referralDecider, historyFor.accepted), '2026-04-07T09:00:00.000Z')).toBe(false);
    });
  });

  describe('responding', () => {
    it('only the receiving partner accepts or rejects', () => {
      given(referralDecider, historyFor.requested).when({ type: 'AcceptReferral', person, actor: referrer, at }).thenViolates('referral.only-receiver-acts', 'forbidden');
      given(referralDecider, historyFor.requested).when({ type: 'RejectReferral', reason, actor: hub, at }).thenViolates('referral.only-receiver-acts', 'forbidden');
    });
    it('accepting needs consent that still covers the receiver', () => {
      given(referralDecider, historyFor.requested).when({ type: 'AcceptReferral', person: onlyFrontConsent, actor: receiver, at }).thenViolates('referral.consent-required');
    });
    it.each(['RejectReferral', 'PutReferralOnHold', 'FailReferral', 'CancelReferral', 'MarkReferralEnteredInError'] as const)('%s needs a reason from the list', (type) => {
      const history = type === 'RejectReferral' || type === 'CancelReferral' || type === 'MarkReferralEnteredInError' ? historyFor.requested : historyFor['in-progress'];
      const actor = type === 'CancelReferral' || type === 'MarkReferralEnteredInError' ? referrer : receiver;
      given(referralDecider, history).when({ type, reason: undefined as never, actor, at } as ReferralCommand).thenViolates('referral.reason-required');
      given(referralDecider, history).when({ type, reason: { code: 'because' as never }, actor, at } as ReferralCommand).thenViolates('referral.reason-required');
      given(referralDecider, history).when({ type, reason: { code: 'other', text: ' ' }, actor, at } as ReferralCommand).thenViolates('referral.reason-required');
      expect(given(referralDecider, history).when({ type, reason: { code: 'other', text: 'moved away' }, actor, at } as ReferralCommand).events()).toHaveLength(1);
    });
    it('completion needs an outcome', () => {
      given(referralDecider, historyFor['in-progress']).when({ type: 'CompleteReferral', outcome: undefined as never, actor: receiver, at }).thenViolates('referral.outcome-required');
      given(referralDecider, historyFor['in-progress']).when({ type: 'CompleteReferral', outcome: { code: 'need-met', enteredWork: true, workStartedOn: 'monday' }, actor: receiver, at }).thenViolates('referral.work-start-invalid');
    });
    it('a bystander partner cannot cancel', () => {
      given(referralDecider, historyFor.requested).when({ type: 'CancelReferral', reason, actor: bystander, at }).thenViolates('referral.only-parties-cancel', 'forbidden');
      given(referralDecider, historyFor.requested).when({ type: 'MarkReferralEnteredInError', reason, actor: bystander, at }).thenViolates('referral.only-parties-void', 'forbidden');
    });
  });

  describe('re-routing after rejection', () => {
    it('goes to another service and remembers the partner that rejected it', () => {
      const [routed] = given(referralDecider, historyFor.rejected).when({ type: 'RouteReferral', target: target('other', 'svc-other'), person, actor: referrer, at: later }).events();
      expect(routed).toMatchObject({ type: 'ReferralRouted', data: { partnerId: 'other', previousPartnerId: 'recv' } });
    });
    it('does not go back to the service that rejected it', () => {
      given(referralDecider, historyFor.rejected).when({ type: 'RouteReferral', target: target(), person, actor: referrer, at: later }).thenViolates('referral.reroute-to-rejecting-service');
    });
  });

  describe('handoff', () => {
    const handOff = (over: Partial<Extract<ReferralCommand, { type: 'HandOffReferral' }>> = {}): ReferralCommand => ({
      type: 'HandOffReferral', target: target('next', 'svc-next'), person, reason: 'specialist debt support', actor: receiver, at, ...over,
    });
    it('moves accepted work to another partner, keeping its status', () => {
      const events = given(referralDecider, historyFor['in-progress']).when(handOff()).events();
      expect(events).toEqual([{ type: 'ReferralHandedOff', data: { referralId: 'r1', at, by: { staffId: 'st-recv', partnerId: 'recv' }, fromPartnerId: 'recv', toPartnerId: 'next', serviceId: 'svc-next', reason: 'specialist debt support' } }]);
      const state = fold(referralDecider, [...historyFor['in-progress'], ...events]);
      expect(state).toMatchObject({ status: 'in-progress', receivingPartnerId: 'next' });
    });
    it.each(['draft', 'requested', 'rejected', 'completed', 'failed', 'cancelled', 'entered-in-error'] as const)('is refused for a %s referral', (status) => {
      given(referralDecider, historyFor[status]).when(handOff()).thenViolates(status === 'draft' ? 'referral.only-receiver-hands-off' : 'referral.handoff-needs-accepted-work', status === 'draft' ? 'forbidden' : 'conflict');
    });
    it('needs a reason, another partner, and consent covering it', () => {
      given(referralDecider, historyFor.accepted).when(handOff({ reason: '' })).thenViolates('referral.handoff-reason-required');
      given(referralDecider, historyFor.accepted).when(handOff({ target: target('recv', 'svc-2') })).thenViolates('referral.handoff-to-same-partner');
      given(referralDecider, historyFor.accepted).when(handOff({ person: onlyFrontConsent })).thenViolates('referral.consent-required');
    });
    it('is done by the receiving partner only: not the referrer, not the hub', () => {
      given(referralDecider, historyFor.accepted).when(handOff({ actor: referrer })).thenViolates('referral.only-receiver-hands-off', 'forbidden');
      given(referralDecider, historyFor['in-progress']).when(handOff({ actor: hub })).thenViolates('referral.only-receiver-hands-off', 'forbidden');
    });
  });

  describe('interactions', () => {
    const record = (over: Partial<Extract<ReferralCommand, { type: 'RecordInteraction' }>> = {}): ReferralCommand => ({
      type: 'RecordInteraction', interactionId: 'i1', kind: 'one-to-one', occurredOn: '2026-04-01', actor: receiver, at: later, ...over,
    });
    it('the first on accepted work starts it', () => {
      const events = given(referralDecider, historyFor.accepted).when(record()).events();
      expect(events.map((x) => x.type)).toEqual(['ReferralStarted', 'InteractionRecorded']);
    });
    it('light-touch attendance needs only a kind and a date', () => {
      const [recorded] = given(referralDecider, historyFor['in-progress']).when(record({ kind: 'attendance' })).events();
      expect(recorded).toEqual({ type: 'InteractionRecorded', data: { referralId: 'r1', at: later, by: { staffId: 'st-recv', partnerId: 'recv' }, interactionId: 'i1', kind: 'attendance', occurredOn: '2026-04-01', partnerId: 'recv' } });
    });
    it('are refused on work that is not active', () => {
      for (const status of ['draft', 'requested', 'on-hold', 'completed'] as const) {
        given(referralDecider, historyFor[status]).when(record()).thenViolates('referral.interaction-needs-active-work', 'conflict');
      }
    });
    it('reject bad kinds, bad dates, future dates, repeats and other partners', () => {
      given(referralDecider, historyFor['in-progress']).when(record({ kind: 'party' as never })).thenViolates('interaction.kind-unknown');
      given(referralDecider, historyFor['in-progress']).when(record({ occurredOn: 'yesterday' })).thenViolates('interaction.date-invalid');
      given(referralDecider, historyFor['in-progress']).when(record({ occurredOn: '2026-05-01' })).thenViolates('interaction.date-in-future');
      given(referralDecider, historyFor['in-progress']).when(record({ actor: referrer })).thenViolates('referral.only-receiver-acts', 'forbidden');
      const recorded = given(referralDecider, historyFor['in-progress']).when(record()).events();
      given(referralDecider, [...historyFor['in-progress'], ...recorded]).when(record()).thenViolates('interaction.already-recorded', 'conflict');
    });
  });

  describe('when a partner leaves', () => {
    const reassign = (leaving: string, person: PersonFacts = { status: 'registered', consents: [consortiumConsent] }): ReferralCommand => ({
      type: 'ReassignOnPartnerExit', leavingPartnerId: leaving, successorPartnerId: 'succ', person, actor: hub, at,
    });
    it('moves the receiving side of open work to the successor', () => {
      const events = given(referralDecider, historyFor['in-progress']).when(reassign('recv')).events();
      expect(events).toEqual([{ type: 'ReferralReassigned', data: { referralId: 'r1', at, by: { staffId: 'st-hub', partnerId: 'hub' }, side: 'receiving', fromPartnerId: 'recv', toPartnerId: 'succ', consentCoversSuccessor: true } }]);
    });
    it('moves the referring side too, and flags missing consent', () => {
      const [ev] = given(referralDecider, historyFor.requested).when(reassign('front', onlyFrontConsent)).events();
      expect(ev).toMatchObject({ data: { side: 'referring', consentCoversSuccessor: false } });
    });
    it('leaves closed referrals alone', () => {
      given(referralDecider, historyFor.completed).when(reassign('recv')).then([]);
    });
  });

  describe('when consent no longer covers the receiving partner', () => {
    const system: Actor = { staffId: 'system:consent-loss', partnerId: 'front', managesConsortium: false };
    const withdrawn: PersonFacts = { status: 'registered', consents: [{ ...consortiumConsent, withdrawnAt: at }] };
    const stop = (p: PersonFacts = withdrawn): ReferralCommand => ({ type: 'StopReferralOnConsentLoss', person: p, actor: system, at: later });
    const consentEnded = { code: 'consent-ended' as const, text: "the person's consent no longer covers partner recv" };
    const by = { staffId: 'system:consent-loss', partnerId: 'front' };

    for (const status of ['accepted', 'in-progress'] as const) {
      it(`puts ${status} work on hold with the reason, though the system is not the receiver`, () => {
        given(referralDecider, historyFor[status]).when(stop()).then([{ type: 'ReferralPutOnHold', data: { referralId: 'r1', at: later, by, reason: consentEnded } }]);
      });
    }
    it('cancels a request the partner has not accepted yet', () => {
      given(referralDecider, historyFor.requested).when(stop()).then([{ type: 'ReferralCancelled', data: { referralId: 'r1', at: later, by, reason: consentEnded } }]);
    });
    it('an expired consent ends cover as a withdrawn one does', () => {
      const expired: PersonFacts = { status: 'registered', consents: [{ ...consortiumConsent, expiresAt: at, expiredAt: at }] };
      expect(given(referralDecider, historyFor.accepted).when(stop(expired)).events().map((ev) => ev.type)).toEqual(['ReferralPutOnHold']);
    });
    it('refuses while another consent still covers the receiver (consent to named partners included)', () => {
      const named: PersonFacts = { status: 'registered', consents: [{ ...consortiumConsent, withdrawnAt: at }, { ...consortiumConsent, consentId: 'c2', scope: { kind: 'partners', partnerIds: ['recv'] } }] };
      const v = given(referralDecider, historyFor.accepted).when(stop(named)).thenViolates('referral.consent-still-covers', 'conflict');
      expect(v.details).toEqual({ partnerId: 'recv' });
      given(referralDecider, historyFor.accepted).when(stop(onlyFrontConsent)).events();
    });
    for (const status of REFERRAL_STATUSES.filter((s) => !['requested', 'accepted', 'in-progress'].includes(s))) {
      it(`refuses on a ${status} referral, so a second process (or sweep) writes nothing`, () => {
        given(referralDecider, historyFor[status]).when(stop()).thenViolates('referral.not-live', 'conflict');
      });
    }
    it('held for lost consent, the referral resumes only once consent covers the receiver again', () => {
      const held = [...historyFor.accepted, ...given(referralDecider, historyFor.accepted).when(stop()).events()];
      const v = given(referralDecider, held).when({ type: 'ResumeReferral', person: withdrawn, actor: receiver, at: later }).thenViolates('referral.consent-required', 'unprocessable');
      expect(v.details).toEqual({ partnerId: 'recv' });
      given(referralDecider, held).when({ type: 'ResumeReferral', person: onlyFrontConsent, actor: receiver, at: later }).thenViolates('referral.consent-required');
      const givenAgain: PersonFacts = { status: 'registered', consents: [...withdrawn.consents, { ...consortiumConsent, consentId: 'c3', givenAt: later }] };
      expect(given(referralDecider, held).when({ type: 'ResumeReferral', person: givenAgain, actor: receiver, at: later }).events().map((ev) => ev.type)).toEqual(['ReferralResumed']);
    });
  });

  it('an unknown referral is not found', () => {
    given(referralDecider, []).when({ type: 'AcceptReferral', person, actor: receiver, at }).thenViolates('referral.not-found', 'not-found');
  });
});
