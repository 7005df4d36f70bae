import { Consent, consentCovers } from '@onedoor/domain';

/**
 * Whether a partner may see a person's details at a moment: it registered them, or an active consent covers
 * it for referral or case management. The same rule as AccessPolicy.maySeePerson (libs/platform), applied at
 * the event's own time rather than now, so a stream replays the same as it first ran.
 */
export function partnerMaySeePerson(person: { registeredBy: string; consents: readonly Consent[] }, partnerId: string, at: string): boolean {
  if (person.registeredBy === partnerId) return true;
  return consentCovers(person.consents, partnerId, at, 'referral') || consentCovers(person.consents, partnerId, at, 'case-management');
}
