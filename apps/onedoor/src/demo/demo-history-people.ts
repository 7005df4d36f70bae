import type { ContactMethod, PersonalDetails } from '@onedoor/domain';

// Family names no one could mistake for a real person's; 41 given names and 8 family names are coprime, so the
// first 328 people all have different names (the register would otherwise ask whether two are the same person).
const GIVEN_NAMES = [
  'Aisha', 'Ben', 'Chloe', 'Dariusz', 'Ebony', 'Farhan', 'Grace', 'Hamza', 'Isla', 'Jamal', 'Kasia', 'Liam', 'Maryam', 'Nathan',
  'Olivia', 'Precious', 'Qasim', 'Rosie', 'Sanjay', 'Tia', 'Usman', 'Vicky', 'Wiktor', 'Xena', 'Yasmin', 'Zac', 'Adeel',
  'Bethany', 'Callum', 'Deepa', 'Ellis', 'Fatima', 'George', 'Hollie', 'Imran', 'Jodie', 'Kieran', 'Leah', 'Mohammed', 'Niamh', 'Owen',
];
const FAMILY_NAMES = ['Example', 'Sample', 'Placeholder', 'Specimen', 'Fictional', 'Madeup', 'Testwell', 'Demoson'];
const DISTRICTS = ['HX1', 'HX2', 'HX3', 'HX5', 'HX6', 'HX7', 'HD6', 'OL14'];
const CONTACT: ContactMethod[] = ['phone', 'text', 'email', 'phone', 'in-person'];

/**
 * The details of the demo's n-th generated participant: a fictional name, a postcode in the valley (inward code
 * ending ZZ), a phone number from Ofcom's range for drama (07700 900xxx) and an example.org address.
 */
export function demoParticipantDetails(n: number, dateOfBirth: string): PersonalDetails {
  const givenName = GIVEN_NAMES[n % GIVEN_NAMES.length];
  const familyName = FAMILY_NAMES[n % FAMILY_NAMES.length];
  const preferredContactMethod = CONTACT[n % CONTACT.length];
  return {
    givenName,
    familyName,
    dateOfBirth,
    postcode: `${DISTRICTS[n % DISTRICTS.length]} ${n % 10}ZZ`,
    phone: `07700 900${String(100 + n).padStart(3, '0')}`,
    ...(preferredContactMethod === 'email' ? { email: `${givenName}.${familyName}@example.org`.toLowerCase() } : {}),
    preferredContactMethod,
  };
}
