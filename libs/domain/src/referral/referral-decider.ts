import { Actor } from '../shared/actor';
import { addDays, isBefore, isIsoDate } from '../shared/dates';
import { Decider } from '../shared/decider';
import { Reason, ensureReason } from '../shared/reason';
import { ensure, RuleViolation } from '../shared/rule-violation';
import { consentCovers } from '../person/consent';
import { INTERACTION_KINDS } from './interaction';
import { ReferralCommand, PersonFacts, Routing } from './referral-commands';
import { ActedBy, ReferralEvent, ReferralRouted } from './referral-events';
import { ensureOutcome } from './referral-outcome';
import { DEFAULT_RESPONSE_DAYS, ReferralState, initialReferralState } from './referral-state';
import { ReferralStatus, canTransition, isOpen } from './referral-status';
import { RoutingTarget } from './routing-target';

function decide(command: ReferralCommand, state: ReferralState): ReferralEvent[] {
  const by: ActedBy = { staffId: command.actor.staffId, partnerId: command.actor.partnerId };
  if (command.type === 'CreateReferral') {
    ensure(!state.exists, 'referral.already-exists', 'this referral already exists', 'conflict');
    ensurePersonActive(command.person);
    ensure(command.needs.length > 0, 'referral.needs-required', 'a referral names at least one need');
    const created: ReferralEvent = {
      type: 'ReferralCreated',
      data: {
        referralId: command.referralId, at: command.at, by, personId: command.personId, referringPartnerId: command.actor.partnerId,
        needs: command.needs, urgency: command.urgency, ...(command.summary ? { summary: command.summary } : {}),
      },
    };
    if (!command.routing) return [created];
    const draft = evolve(state, created);
    return [created, route(command.routing, command.person, draft, command.actor, command.at, by)];
  }

  ensure(state.exists, 'referral.not-found', 'no such referral', 'not-found');
  const referralId = state.referralId!;
  const base = { referralId, at: command.at, by };
  const { actor } = command;

  switch (command.type) {
    case 'RouteReferral':
      ensure(isReferrer(actor, state) || actor.managesConsortium, 'referral.only-referrer-routes', 'only the referring partner or the hub routes a referral', 'forbidden');
      return [route(command, command.person, state, actor, command.at, by)];

    case 'AcceptReferral':
      ensureTransition(state, 'accepted');
      ensureReceiver(actor, state, 'accepts');
      ensureConsentCovers(command.person, state.receivingPartnerId!, command.at);
      return [{ type: 'ReferralAccepted', data: base }];

    case 'RejectReferral':
      ensureTransition(state, 'rejected');
      ensureReceiver(actor, state, 'rejects');
      ensureReason(command.reason, 'referral.reason-required');
      return [{ type: 'ReferralRejected', data: { ...base, reason: command.reason } }];

    case 'StartReferral':
      ensureTransition(state, 'in-progress');
      ensureReceiver(actor, state, 'starts work on');
      ensure(state.status === 'accepted', 'referral.resume-from-hold', 'an on-hold referral is resumed, not started', 'conflict');
      return [{ type: 'ReferralStarted', data: base }];

    case 'PutReferralOnHold':
      ensureTransition(state, 'on-hold');
      ensureReceiver(actor, state, 'puts on hold');
      ensureReason(command.reason, 'referral.reason-required');
      return [{ type: 'ReferralPutOnHold', data: { ...base, reason: command.reason } }];

    case 'ResumeReferral':
      ensure(state.status === 'on-hold', 'referral.transition-not-allowed', `a ${state.status} referral is not on hold, so cannot be resumed`, 'conflict', { from: state.status, to: 'in-progress' });
      ensureReceiver(actor, state, 'resumes');
      // Work held because consent ended (or for any reason) resumes only under consent covering the receiver.
      ensureConsentCovers(command.person, state.receivingPartnerId!, command.at);
      return [{ type: 'ReferralResumed', data: base }];

    case 'CompleteReferral':
      ensureTransition(state, 'completed');
      ensureReceiver(actor, state, 'completes');
      ensureOutcome(command.outcome);
      if (command.outcome.workStartedOn !== undefined) {
        ensure(isIsoDate(command.outcome.workStartedOn), 'referral.work-start-invalid', 'workStartedOn must be a date');
      }
      return [{ type: 'ReferralCompleted', data: { ...base, outcome: command.outcome } }];

    case 'FailReferral':
      ensureTransition(state, 'failed');
      ensureReceiver(actor, state, 'closes as failed');
      ensureReason(command.reason, 'referral.reason-required');
      return [{ type: 'ReferralFailed', data: { ...base, reason: command.reason } }];

    case 'CancelReferral':
      ensure(
        isReferrer(actor, state) || isReceiver(actor, state) || actor.managesConsortium,
        'referral.only-parties-cancel',
        'only the referring partner, the receiving partner or the hub cancels a referral',
        'forbidden',
      );
      ensureTransition(state, 'cancelled');
      ensureReason(command.reason, 'referral.reason-required');
      return [{ type: 'ReferralCancelled', data: { ...base, reason: command.reason } }];

    case 'MarkReferralEnteredInError':
      ensure(
        isReferrer(actor, state) || isReceiver(actor, state) || actor.managesConsortium,
        'referral.only-parties-void',
        'only the referring partner, the receiving partner or the hub marks a referral as entered in error',
        'forbidden',
      );
      ensureTransition(state, 'entered-in-error');
      ensureReason(command.reason, 'referral.reason-required');
      return [{ type: 'ReferralEnteredInError', data: { ...base, reason: command.reason } }];

    case 'HandOffReferral': {
      // Like every move on received work, only the receiver hands it off; the hub cancels or, once rejected, re-routes.
      ensure(isReceiver(actor, state), 'referral.only-receiver-hands-off', 'only the receiving partner hands off a referral', 'forbidden');
      ensure(['accepted', 'in-progress', 'on-hold'].includes(state.status), 'referral.handoff-needs-accepted-work', `a handoff moves accepted work; this referral is ${state.status}`, 'conflict');
      ensure(command.reason.trim().length > 0, 'referral.handoff-reason-required', 'a handoff needs a reason');
      ensureTarget(command.target);
      ensure(command.target.partnerId !== state.receivingPartnerId, 'referral.handoff-to-same-partner', 'a handoff moves the work to another partner');
      ensurePersonActive(command.person);
      ensureConsentCovers(command.person, command.target.partnerId, command.at);
      return [{ type: 'ReferralHandedOff', data: { ...base, fromPartnerId: state.receivingPartnerId!, toPartnerId: command.target.partnerId, serviceId: command.target.serviceId, reason: command.reason.trim() } }];
    }

    case 'RecordInteraction': {
      ensure(state.status === 'accepted' || state.status === 'in-progress', 'referral.interaction-needs-active-work', `support is recorded on accepted or in-progress referrals; this one is ${state.status}`, 'conflict');
      ensureReceiver(actor, state, 'records support on');
      ensure(INTERACTION_KINDS.includes(command.kind), 'interaction.kind-unknown', `kind must be one of ${INTERACTION_KINDS.join(', ')}`);
      ensure(isIsoDate(command.occurredOn), 'interaction.date-invalid', 'occurredOn must be a date');
      ensure(!isBefore(command.at, command.occurredOn), 'interaction.date-in-future', 'support cannot be recorded before it happens');
      ensure(!state.interactionIds.includes(command.interactionId), 'interaction.already-recorded', 'this interaction is already recorded', 'conflict');
      const recorded: ReferralEvent = {
        type: 'InteractionRecorded',
        data: { ...base, interactionId: command.interactionId, kind: command.kind, occurredOn: command.occurredOn, partnerId: actor.partnerId, ...(command.notes ? { notes: command.notes } : {}) },
      };
      // The first piece of support on accepted work starts it: staff should not need a separate click.
      return state.status === 'accepted' ? [{ type: 'ReferralStarted', data: base }, recorded] : [recorded];
    }

    case 'StopReferralOnConsentLoss': {
      // No receiver check: the system acts, for whichever partner, because the person's consent says so.
      ensure(
        state.status === 'requested' || state.status === 'accepted' || state.status === 'in-progress',
        'referral.not-live',
        `a ${state.status} referral is not live work, so there is nothing to stop`,
        'conflict',
        { status: state.status },
      );
      const partnerId = state.receivingPartnerId!;
      ensure(
        !consentCovers(command.person.consents, partnerId, command.at),
        'referral.consent-still-covers',
        `the person's consent still covers partner ${partnerId}`,
        'conflict',
        { partnerId },
      );
      const reason: Reason = { code: 'consent-ended', text: `the person's consent no longer covers partner ${partnerId}` };
      // Accepted work keeps its history and can resume once consent is given again; a request nobody took up ends.
      return state.status === 'requested'
        ? [{ type: 'ReferralCancelled', data: { ...base, reason } }]
        : [{ type: 'ReferralPutOnHold', data: { ...base, reason } }];
    }

    case 'ReassignOnPartnerExit': {
      const events: ReferralEvent[] = [];
      if (!isOpen(state.status) && state.status !== 'draft' && state.status !== 'rejected') return events;
      const consentCoversSuccessor = consentCovers(command.person.consents, command.successorPartnerId, command.at);
      const move = (side: 'referring' | 'receiving') =>
        events.push({ type: 'ReferralReassigned', data: { ...base, side, fromPartnerId: command.leavingPartnerId, toPartnerId: command.successorPartnerId, consentCoversSuccessor } });
      if (state.referringPartnerId === command.leavingPartnerId) move('referring');
      if (state.receivingPartnerId === command.leavingPartnerId && isOpen(state.status)) move('receiving');
      return events;
    }
  }
}

function route(routing: Routing, person: PersonFacts, state: ReferralState, actor: Actor, at: string, by: ActedBy): ReferralRouted {
  ensureTransition(state, 'requested');
  ensurePersonActive(person);
  ensureTarget(routing.target);
  ensure(!state.rejectedByServiceIds.includes(routing.target.serviceId), 'referral.reroute-to-rejecting-service', 'this service already rejected the referral; route it elsewhere');
  ensureConsentCovers(person, routing.target.partnerId, at);
  const respondBy = routing.respondBy ?? addDays(at, DEFAULT_RESPONSE_DAYS);
  ensure(isIsoDate(respondBy) && isBefore(at, respondBy), 'referral.respond-by-in-past', 'respondBy must be a date after now');
  return {
    type: 'ReferralRouted',
    data: {
      referralId: state.referralId!, at, by, partnerId: routing.target.partnerId, serviceId: routing.target.serviceId, respondBy,
      waitlisted: routing.target.waitlisted, ...(state.status === 'rejected' ? { previousPartnerId: state.receivingPartnerId } : {}),
    },
  };
}

const isReferrer = (actor: Actor, state: ReferralState) => actor.partnerId === state.referringPartnerId;
const isReceiver = (actor: Actor, state: ReferralState) => actor.partnerId === state.receivingPartnerId;

function ensureReceiver(actor: Actor, state: ReferralState, verb: string): void {
  ensure(isReceiver(actor, state), 'referral.only-receiver-acts', `only the receiving partner ${verb} a referral`, 'forbidden');
}

function ensureTransition(state: ReferralState, to: ReferralStatus): void {
  if (!canTransition(state.status, to)) {
    throw new RuleViolation('referral.transition-not-allowed', `a ${state.status} referral cannot become ${to}`, 'conflict', { from: state.status, to });
  }
}

function ensurePersonActive(person: PersonFacts): void {
  ensure(person.status !== 'unknown', 'referral.person-not-found', 'no such person', 'not-found');
  ensure(person.status !== 'erased', 'referral.person-erased', 'this person has been erased', 'conflict');
}

function ensureTarget(target: RoutingTarget): void {
  ensure(target.serviceActive, 'referral.service-not-active', 'the service is withdrawn or not listed', 'unprocessable');
  ensure(target.partnerIsMember, 'referral.partner-not-member', 'the service belongs to a partner that is not a current consortium member', 'unprocessable');
  ensure(!target.waitlistClosed, 'referral.service-waitlist-closed', 'the service is full and its waitlist is closed; choose another service', 'conflict');
}

function ensureConsentCovers(person: PersonFacts, partnerId: string, at: string): void {
  ensure(
    consentCovers(person.consents, partnerId, at),
    'referral.consent-required',
    `the person's consent does not cover partner ${partnerId} for referral`,
    'unprocessable',
    { partnerId },
  );
}

function evolve(state: ReferralState, event: ReferralEvent): ReferralState {
  switch (event.type) {
    case 'ReferralCreated':
      return { ...initialReferralState, exists: true, status: 'draft', referralId: event.data.referralId, personId: event.data.personId, referringPartnerId: event.data.referringPartnerId };
    case 'ReferralRouted':
      return { ...state, status: 'requested', receivingPartnerId: event.data.partnerId, serviceId: event.data.serviceId, respondBy: event.data.respondBy, firstRespondedAt: undefined };
    case 'ReferralAccepted':
      return { ...state, status: 'accepted', firstRespondedAt: state.firstRespondedAt ?? event.data.at };
    case 'ReferralRejected':
      return {
        ...state, status: 'rejected', firstRespondedAt: state.firstRespondedAt ?? event.data.at,
        rejectedByServiceIds: [...state.rejectedByServiceIds, state.serviceId!],
      };
    case 'ReferralStarted':
    case 'ReferralResumed':
      return { ...state, status: 'in-progress' };
    case 'ReferralPutOnHold':
      return { ...state, status: 'on-hold' };
    case 'ReferralCompleted':
      return { ...state, status: 'completed' };
    case 'ReferralFailed':
      return { ...state, status: 'failed' };
    case 'ReferralCancelled':
      return { ...state, status: 'cancelled' };
    case 'ReferralEnteredInError':
      return { ...state, status: 'entered-in-error' };
    case 'ReferralHandedOff':
      return { ...state, receivingPartnerId: event.data.toPartnerId, serviceId: event.data.serviceId };
    case 'ReferralReassigned':
      return event.data.side === 'referring'
        ? { ...state, referringPartnerId: event.data.toPartnerId }
        : { ...state, receivingPartnerId: event.data.toPartnerId };
    case 'InteractionRecorded':
      return { ...state, interactionIds: [...state.interactionIds, event.data.interactionId] };
  }
}

export const referralDecider: Decider<ReferralCommand, ReferralEvent, ReferralState> = { initialState: initialReferralState, decide, evolve };
