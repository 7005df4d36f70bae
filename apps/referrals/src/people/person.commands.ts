import type { Actor, ConsentPurpose, ConsentScope, PersonalDetails } from '@onedoor/domain';

export class RegisterPersonCommand {
  constructor(readonly personId: string, readonly details: PersonalDetails, readonly confirmedNotDuplicate: boolean, readonly actor: Actor) {}
}

/** Everything that happens to a registered person: corrections, consent, erasure. */
export type PersonChange =
  | { type: 'CorrectPersonDetails'; details: Partial<PersonalDetails> }
  | { type: 'GiveConsent'; consentId: string; scope: ConsentScope; purposes: ConsentPurpose[]; expiresAt?: string }
  | { type: 'WithdrawConsent'; consentId: string }
  | { type: 'ErasePerson' };

export class ChangePersonCommand {
  constructor(readonly personId: string, readonly change: PersonChange, readonly actor: Actor, readonly expectedVersion?: number) {}
}
