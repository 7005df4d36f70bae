import { SealedPersonalData } from '../shared/sealed-personal-data';
import { ConsentPurpose, ConsentScope } from './consent';

export interface PersonRegistered {
  type: 'PersonRegistered';
  /** `personal` is the sealed PersonalDetails; `ageBand`-style facts stay out so nothing personal leaks. */
  data: { personId: string; registeredBy: string; registeredAt: string; personal: SealedPersonalData };
}

export interface PersonDetailsCorrected {
  type: 'PersonDetailsCorrected';
  data: { personId: string; correctedBy: string; correctedAt: string; personal: SealedPersonalData };
}

export interface ConsentGiven {
  type: 'ConsentGiven';
  data: {
    personId: string;
    consentId: string;
    scope: ConsentScope;
    purposes: ConsentPurpose[];
    givenAt: string;
    expiresAt?: string;
    recordedBy: string;
  };
}

export interface ConsentWithdrawn {
  type: 'ConsentWithdrawn';
  data: { personId: string; consentId: string; withdrawnAt: string; recordedBy: string };
}

/**
 * A consent reached its expiry and the lapse is now on the record, so partners' systems are told when they may
 * no longer hold the details. `expiredAt` is the consent's `expiresAt`; `recordedAt` when the platform noticed.
 */
export interface ConsentExpired {
  type: 'ConsentExpired';
  data: { personId: string; consentId: string; expiredAt: string; recordedAt: string };
}

/** The person's key was destroyed: every sealed field about them is unreadable from here on. */
export interface PersonErased {
  type: 'PersonErased';
  data: { personId: string; erasedAt: string; erasedBy: string };
}

export type PersonEvent = PersonRegistered | PersonDetailsCorrected | ConsentGiven | ConsentWithdrawn | ConsentExpired | PersonErased;
