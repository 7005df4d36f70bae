import { given } from '../testing/given-when-then';
import { personDecider } from './person-decider';
import { PersonEvent } from './person-events';
import { RegisterPerson, GiveConsent, RecordConsentExpiry } from './person-commands';
import { CONSENT_EXPIRY_ACTOR } from './system-actor';
import { isConsentActive } from './consent';
import { Actor } from '../shared/actor';
import { SealedPersonalData } from '../shared/sealed-personal-data';

const at = '2026-03-01T09:00:00.000Z';
const sealed: SealedPersonalData = { alg: 'A256GCM', iv: 'iv', ciphertext: 'ct', tag: 'tag' };
const frontDoor: Actor = { staffId: 's1', partnerId: 'p1', managesConsortium: false };
const otherPartner: Actor = { staffId: 's2', partnerId: 'p2', managesConsortium: false };
const hub: Actor = { staffId: 's3', partnerId: 'hub', managesConsortium: true };

const register: RegisterPerson = { type: 'RegisterPerson', personId: 'per1', personal: sealed, possibleDuplicateIds: [], confirmedNotDuplicate: false, actor: frontDoor, at };
const registered: PersonEvent = { type: 'PersonRegistered', data: { personId: 'per1', registeredBy: 'p1', registeredAt: at, personal: sealed } };
const consentCmd: GiveConsent = {
  type: 'GiveConsent', consentId: 'c1', scope: { kind: 'partners', partnerIds: ['p2'] }, purposes: ['referral'],
  expiresAt: '2027-03-01T00:00:00.000Z', memberPartnerIds: ['p1', 'p2', 'hub'], actor: frontDoor, at,
};
const consentGiven: PersonEvent = {
  type: 'ConsentGiven',
  data: { personId: 'per1', consentId: 'c1', scope: { kind: 'partners', partnerIds: ['p2'] }, purposes: ['referral'], givenAt: at, expiresAt: '2027-03-01T00:00:00.000Z', recordedBy: 'p1' },
};

describe('person', () => {
  describe('registration', () => {
    it('registers a person with sealed details', () => {
      given(personDecider, []).when(register).then([registered]);
    });
    it('stops on a possible duplicate until staff confirm it is someone else', () => {
      const v = given(personDecider, []).when({ ...register, possibleDuplicateIds: ['per0'] }).thenViolates('person.possible-duplicate', 'conflict');
      expect(v.details).toEqual({ possibleDuplicateIds: ['per0'], possibleDuplicatesToCheckWithHub: 0 });
      given(personDecider, []).when({ ...register, possibleDuplicateIds: ['per0'], confirmedNotDuplicate: true }).then([registered]);
      const hidden = given(personDecider, []).when({ ...register, possibleDuplicateIds: [], possibleDuplicatesToCheckWithHub: 2 }).thenViolates('person.possible-duplicate', 'conflict');
      expect(hidden.details).toEqual({ possibleDuplicateIds: [], possibleDuplicatesToCheckWithHub: 2 });
      given(personDecider, []).when({ ...register, possibleDuplicateIds: [], possibleDuplicatesToCheckWithHub: 1, confirmedNotDuplicate: true }).then([registered]);
    });
    it('cannot register the same id twice', () => {
      given(personDecider, [registered]).when(register).thenViolates('person.already-registered', 'conflict');
    });
    it('corrects details only with sight of the person', () => {
      given(personDecider, [registered]).when({ type: 'CorrectPersonDetails', personal: sealed, actorMaySee: false, actor: otherPartner, at }).thenViolates('person.consent-required', 'forbidden');
      const [e] = given(personDecider, [registered]).when({ type: 'CorrectPersonDetails', personal: sealed, actorMaySee: true, actor: frontDoor, at }).events();
      expect(e.type).toBe('PersonDetailsCorrected');
    });
  });

  describe('consent', () => {
    it('is given for named partners, a purpose and an expiry', () => {
      given(personDecider, [registered]).when(consentCmd).then([consentGiven]);
    });
    it('can cover the whole consortium', () => {
      const [e] = given(personDecider, [registered]).when({ ...consentCmd, scope: { kind: 'consortium' } }).events();
      expect(e).toMatchObject({ type: 'ConsentGiven', data: { scope: { kind: 'consortium' } } });
    });
    it('names only consortium members', () => {
      given(personDecider, [registered]).when({ ...consentCmd, scope: { kind: 'partners', partnerIds: ['p9'] } }).thenViolates('consent.partner-not-member');
    });
    it('names at least one partner', () => {
      given(personDecider, [registered]).when({ ...consentCmd, scope: { kind: 'partners', partnerIds: [] } }).thenViolates('consent.partners-required');
    });
    it('needs a purpose', () => {
      given(personDecider, [registered]).when({ ...consentCmd, purposes: [] }).thenViolates('consent.purpose-required');
      given(personDecider, [registered]).when({ ...consentCmd, purposes: ['marketing' as never] }).thenViolates('consent.purpose-required');
    });
    it('expires after it is given', () => {
      given(personDecider, [registered]).when({ ...consentCmd, expiresAt: '2025-01-01T00:00:00.000Z' }).thenViolates('consent.expiry-in-past');
      given(personDecider, [registered]).when({ ...consentCmd, expiresAt: 'soon' }).thenViolates('consent.expiry-invalid');
    });
    it('cannot be recorded twice with the same id', () => {
      given(personDecider, [registered, consentGiven]).when(consentCmd).thenViolates('consent.already-recorded', 'conflict');
    });
    it('needs a registered person', () => {
      given(personDecider, []).when(consentCmd).thenViolates('person.not-found', 'not-found');
    });
    it('is withdrawn', () => {
      given(personDecider, [registered, consentGiven])
        .when({ type: 'WithdrawConsent', consentId: 'c1', actor: otherPartner, at })
        .then([{ type: 'ConsentWithdrawn', data: { personId: 'per1', consentId: 'c1', withdrawnAt: at, recordedBy: 'p2' } }]);
    });
    it('cannot be withdrawn twice, nor after expiry, nor if unknown', () => {
      const withdrawn: PersonEvent = { type: 'ConsentWithdrawn', data: { personId: 'per1', consentId: 'c1', withdrawnAt: at, recordedBy: 'p1' } };
      given(personDecider, [registered, consentGiven, withdrawn]).when({ type: 'WithdrawConsent', consentId: 'c1', actor: frontDoor, at }).thenViolates('consent.already-withdrawn', 'conflict');
      given(personDecider, [registered, consentGiven]).when({ type: 'WithdrawConsent', consentId: 'c1', actor: frontDoor, at: '2027-06-01T00:00:00.000Z' }).thenViolates('consent.already-expired', 'conflict');
      given(personDecider, [registered]).when({ type: 'WithdrawConsent', consentId: 'nope', actor: frontDoor, at }).thenViolates('consent.not-found', 'not-found');
    });
  });

  describe('consent expiry', () => {
    const expiresAt = '2027-03-01T00:00:00.000Z';
    const expire = (at: string, consentId = 'c1'): RecordConsentExpiry => ({ type: 'RecordConsentExpiry', consentId, actor: CONSENT_EXPIRY_ACTOR, at });
    const expired: PersonEvent = { type: 'ConsentExpired', data: { personId: 'per1', consentId: 'c1', expiredAt: expiresAt, recordedAt: '2027-03-01T00:00:05.000Z' } };
    it('is recorded once due, dated at the consent\'s own expiry', () => {
      given(personDecider, [registered, consentGiven]).when(expire('2027-03-01T00:00:05.000Z')).then([expired]);
      given(personDecider, [registered, consentGiven]).when(expire(expiresAt)).then([{ type: 'ConsentExpired', data: { personId: 'per1', consentId: 'c1', expiredAt: expiresAt, recordedAt: expiresAt } }]);
    });
    it('is not recorded before it is due', () => {
      const v = given(personDecider, [registered, consentGiven]).when(expire('2027-02-28T23:59:59.999Z')).thenViolates('consent.expiry-not-due', 'conflict');
      expect(v.message).toContain(expiresAt);
    });
    it('needs a consent with an expiry', () => {
      const open: PersonEvent = { type: 'ConsentGiven', data: { personId: 'per1', consentId: 'c2', scope: { kind: 'consortium' }, purposes: ['referral'], givenAt: at, recordedBy: 'p1' } };
      given(personDecider, [registered, open]).when(expire('2030-01-01T00:00:00.000Z', 'c2')).thenViolates('consent.no-expiry', 'unprocessable');
    });
    it('is recorded only once', () => {
      given(personDecider, [registered, consentGiven, expired]).when(expire('2027-04-01T00:00:00.000Z')).thenViolates('consent.already-expired', 'conflict');
    });
    it('does not follow a withdrawal', () => {
      const withdrawn: PersonEvent = { type: 'ConsentWithdrawn', data: { personId: 'per1', consentId: 'c1', withdrawnAt: at, recordedBy: 'p1' } };
      given(personDecider, [registered, consentGiven, withdrawn]).when(expire('2027-04-01T00:00:00.000Z')).thenViolates('consent.already-withdrawn', 'conflict');
    });
    it('needs a known consent of a registered, unerased person', () => {
      given(personDecider, [registered]).when(expire('2027-04-01T00:00:00.000Z', 'nope')).thenViolates('consent.not-found', 'not-found');
      given(personDecider, []).when(expire('2027-04-01T00:00:00.000Z')).thenViolates('person.not-found', 'not-found');
      const erased: PersonEvent = { type: 'PersonErased', data: { personId: 'per1', erasedAt: at, erasedBy: 'p1' } };
      given(personDecider, [registered, consentGiven, erased]).when(expire('2027-04-01T00:00:00.000Z')).thenViolates('person.erased', 'conflict');
    });
    it('marks the consent expired, and an expired consent can no longer be withdrawn', () => {
      const state = [registered, consentGiven, expired].reduce(personDecider.evolve, personDecider.initialState);
      expect(state.consents[0]).toMatchObject({ consentId: 'c1', expiresAt, expiredAt: expiresAt });
      expect(isConsentActive(state.consents[0], '2027-02-01T00:00:00.000Z')).toBe(true);
      expect(isConsentActive(state.consents[0], expiresAt)).toBe(false);
      given(personDecider, [registered, consentGiven, expired]).when({ type: 'WithdrawConsent', consentId: 'c1', actor: frontDoor, at: '2027-04-01T00:00:00.000Z' }).thenViolates('consent.already-expired', 'conflict');
    });
  });
  describe('erasure', () => {
    const erased: PersonEvent = { type: 'PersonErased', data: { personId: 'per1', erasedAt: at, erasedBy: 'p1' } };
    it('is done by the registering partner or the manager', () => {
      given(personDecider, [registered]).when({ type: 'ErasePerson', actor: frontDoor, at }).then([erased]);
      const [e] = given(personDecider, [registered]).when({ type: 'ErasePerson', actor: hub, at }).events();
      expect(e.type).toBe('PersonErased');
      given(personDecider, [registered]).when({ type: 'ErasePerson', actor: otherPartner, at }).thenViolates('person.only-registrar-or-manager-erases', 'forbidden');
    });
    it('is final: nothing more is recorded about an erased person', () => {
      given(personDecider, [registered, erased]).when(consentCmd).thenViolates('person.erased', 'conflict');
      given(personDecider, [registered, erased]).when({ type: 'ErasePerson', actor: frontDoor, at }).thenViolates('person.erased', 'conflict');
    });
  });
});
