import { Decider } from '../shared/decider';
import { ensure, RuleViolation } from '../shared/rule-violation';
import { isBefore, isIsoDate } from '../shared/dates';
import { PersonCommand } from './person-commands';
import { PersonEvent } from './person-events';
import { PersonState, initialPersonState } from './person-state';
import { CONSENT_PURPOSES, isConsentActive } from './consent';

function decide(command: PersonCommand, state: PersonState): PersonEvent[] {
  if (command.type === 'RegisterPerson') {
    ensure(state.status === 'unknown', 'person.already-registered', 'this person is already registered', 'conflict');
    const hidden = command.possibleDuplicatesToCheckWithHub ?? 0;
    if (command.possibleDuplicateIds.length + hidden > 0 && !command.confirmedNotDuplicate) {
      throw new RuleViolation(
        'person.possible-duplicate',
        'someone with the same name and date of birth is already registered; check them, or confirm this is a different person',
        'conflict',
        { possibleDuplicateIds: command.possibleDuplicateIds, possibleDuplicatesToCheckWithHub: hidden },
      );
    }
    return [{ type: 'PersonRegistered', data: { personId: command.personId, registeredBy: command.actor.partnerId, registeredAt: command.at, personal: command.personal } }];
  }
  ensure(state.status !== 'unknown', 'person.not-found', 'no such person', 'not-found');
  ensure(state.status !== 'erased', 'person.erased', 'this person has been erased', 'conflict');
  const personId = state.personId!;

  switch (command.type) {
    case 'CorrectPersonDetails':
      ensure(command.actorMaySee, 'person.consent-required', 'consent does not cover your partner for this person', 'forbidden');
      return [{ type: 'PersonDetailsCorrected', data: { personId, correctedBy: command.actor.partnerId, correctedAt: command.at, personal: command.personal } }];

    case 'GiveConsent': {
      ensure(!state.consents.some((c) => c.consentId === command.consentId), 'consent.already-recorded', 'this consent is already recorded', 'conflict');
      ensure(command.purposes.length > 0 && command.purposes.every((p) => CONSENT_PURPOSES.includes(p)), 'consent.purpose-required', `consent names at least one purpose from ${CONSENT_PURPOSES.join(', ')}`);
      if (command.scope.kind === 'partners') {
        ensure(command.scope.partnerIds.length > 0, 'consent.partners-required', 'a consent for named partners names at least one');
        const unknown = command.scope.partnerIds.filter((id) => !command.memberPartnerIds.includes(id));
        ensure(unknown.length === 0, 'consent.partner-not-member', `not consortium members: ${unknown.join(', ')}`, 'unprocessable', { unknown });
      }
      if (command.expiresAt !== undefined) {
        ensure(isIsoDate(command.expiresAt), 'consent.expiry-invalid', 'expiry must be an ISO-8601 date');
        ensure(isBefore(command.at, command.expiresAt), 'consent.expiry-in-past', 'expiry must be after the consent is given');
      }
      const { consentId, scope, purposes, expiresAt } = command;
      return [{ type: 'ConsentGiven', data: { personId, consentId, scope, purposes, givenAt: command.at, expiresAt, recordedBy: command.actor.partnerId } }];
    }

    case 'WithdrawConsent': {
      const consent = state.consents.find((c) => c.consentId === command.consentId);
      ensure(consent, 'consent.not-found', 'no such consent for this person', 'not-found');
      ensure(!consent.withdrawnAt, 'consent.already-withdrawn', 'this consent was already withdrawn', 'conflict');
      ensure(isConsentActive(consent, command.at), 'consent.already-expired', 'this consent has already expired', 'conflict');
      return [{ type: 'ConsentWithdrawn', data: { personId, consentId: command.consentId, withdrawnAt: command.at, recordedBy: command.actor.partnerId } }];
    }

    case 'RecordConsentExpiry': {
      const consent = state.consents.find((c) => c.consentId === command.consentId);
      ensure(consent, 'consent.not-found', 'no such consent for this person', 'not-found');
      ensure(!consent.withdrawnAt, 'consent.already-withdrawn', 'this consent was withdrawn; it cannot also expire', 'conflict');
      ensure(!consent.expiredAt, 'consent.already-expired', 'the expiry of this consent is already recorded', 'conflict');
      ensure(consent.expiresAt, 'consent.no-expiry', 'this consent has no expiry', 'unprocessable');
      ensure(!isBefore(command.at, consent.expiresAt), 'consent.expiry-not-due', `this consent expires at ${consent.expiresAt}`, 'conflict');
      return [{ type: 'ConsentExpired', data: { personId, consentId: consent.consentId, expiredAt: consent.expiresAt, recordedAt: command.at } }];
    }
    case 'ErasePerson':
      // Erasure is a right of the person; the registering partner or the consortium's manager carries it out.
      ensure(
        command.actor.partnerId === state.registeredBy || command.actor.managesConsortium,
        'person.only-registrar-or-manager-erases',
        'only the partner that registered the person, or the managing partner, erases them',
        'forbidden',
      );
      return [{ type: 'PersonErased', data: { personId, erasedAt: command.at, erasedBy: command.actor.partnerId } }];
  }
}

function evolve(state: PersonState, event: PersonEvent): PersonState {
  switch (event.type) {
    case 'PersonRegistered':
      return { status: 'registered', personId: event.data.personId, registeredBy: event.data.registeredBy, consents: [] };
    case 'PersonDetailsCorrected':
      return state;
    case 'ConsentGiven': {
      const { personId, ...consent } = event.data;
      return { ...state, consents: [...state.consents, consent] };
    }
    case 'ConsentWithdrawn':
      return {
        ...state,
        consents: state.consents.map((c) => (c.consentId === event.data.consentId ? { ...c, withdrawnAt: event.data.withdrawnAt } : c)),
      };
    case 'ConsentExpired':
      return {
        ...state,
        consents: state.consents.map((c) => (c.consentId === event.data.consentId ? { ...c, expiredAt: event.data.expiredAt } : c)),
      };
    case 'PersonErased':
      return { ...state, status: 'erased' };
  }
}

export const personDecider: Decider<PersonCommand, PersonEvent, PersonState> = { initialState: initialPersonState, decide, evolve };
