/** A person's details as collected at the contact point. Never stored in plaintext in an event: see SealedPersonalData. */
export interface PersonalDetails {
  givenName: string;
  familyName: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  email?: string;
  phone?: string;
  address?: string;
  postcode?: string;
  preferredContactMethod?: ContactMethod;
  preferredLanguage?: string;
}

export const CONTACT_METHODS = ['phone', 'email', 'text', 'post', 'in-person'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

/** Age in whole years on a date, for eligibility. */
export function ageOn(dateOfBirth: string, on: string): number {
  const birth = new Date(dateOfBirth);
  const day = new Date(on);
  let age = day.getUTCFullYear() - birth.getUTCFullYear();
  const beforeBirthday =
    day.getUTCMonth() < birth.getUTCMonth() || (day.getUTCMonth() === birth.getUTCMonth() && day.getUTCDate() < birth.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}
