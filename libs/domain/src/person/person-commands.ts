import { Actor } from '../shared/actor';
import { SealedPersonalData } from '../shared/sealed-personal-data';
import { ConsentPurpose, ConsentScope } from './consent';
import { SystemActor } from './system-actor';

export interface RegisterPerson {
  type: 'RegisterPerson';
  personId: string;
  personal: SealedPersonalData;
  /** People already registered with the same name and date of birth that the caller may see (from the duplicate check). */
  possibleDuplicateIds: string[];
  /** How many more such people the caller may not see: counted, never named (only the hub can check them). */
  possibleDuplicatesToCheckWithHub?: number;
  /** Staff have looked at the possible duplicates and this is a different person. */
  confirmedNotDuplicate: boolean;
  actor: Actor;
  at: string;
}

export interface CorrectPersonDetails {
  type: 'CorrectPersonDetails';
  personal: SealedPersonalData;
  /** Whether the actor may see and change this person's details (registered them, or consent covers them). */
  actorMaySee: boolean;
  actor: Actor;
  at: string;
}

export interface GiveConsent {
  type: 'GiveConsent';
  consentId: string;
  scope: ConsentScope;
  purposes: ConsentPurpose[];
  expiresAt?: string;
  /** Current consortium members, to check named partners exist. */
  memberPartnerIds: string[];
  actor: Actor;
  at: string;
}

export interface WithdrawConsent {
  type: 'WithdrawConsent';
  consentId: string;
  actor: Actor;
  at: string;
}

/** The platform records that a consent reached its expiry: nobody decides it, time does. */
export interface RecordConsentExpiry {
  type: 'RecordConsentExpiry';
  consentId: string;
  actor: SystemActor;
  at: string;
}

export interface ErasePerson {
  type: 'ErasePerson';
  actor: Actor;
  at: string;
}

export type PersonCommand = RegisterPerson | CorrectPersonDetails | GiveConsent | WithdrawConsent | RecordConsentExpiry | ErasePerson;
