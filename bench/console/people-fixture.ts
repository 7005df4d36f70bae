import type { PersonalDetails } from '@onedoor/domain';
import { seededRandom } from '@onedoor/projections/testing/seeded-random';

/**
 * A register of generated people for the person-search benchmark: common given and family names (so the first
 * letters typed match thousands, as at a real front door), dates of birth over 80 years, valley postcodes.
 * Who registered each person and what their consent covers decide who may see them, as in the API.
 */
const GIVEN = [
  'Aaliyah', 'Abdul', 'Adam', 'Aisha', 'Alan', 'Alice', 'Amelia', 'Amir', 'Amira', 'Andrew', 'Anna', 'Ava', 'Ayesha', 'Barbara', 'Ben', 'Bilal',
  'Callum', 'Carol', 'Charlie', 'Chloe', 'Connor', 'Daniel', 'David', 'Deborah', 'Dylan', 'Ella', 'Emily', 'Emma', 'Ethan', 'Fatima', 'Freya',
  'George', 'Grace', 'Hamza', 'Hannah', 'Harry', 'Ibrahim', 'Imran', 'Isla', 'Jack', 'Jacob', 'James', 'Jane', 'Jessica', 'John', 'Joseph',
  'Karen', 'Kasia', 'Khadija', 'Laura', 'Leah', 'Liam', 'Lily', 'Linda', 'Lucy', 'Maria', 'Margaret', 'Mark', 'Mary', 'Maryam', 'Matthew',
  'Megan', 'Mohammed', 'Muhammad', 'Nathan', 'Niamh', 'Noah', 'Oliver', 'Olivia', 'Oscar', 'Patricia', 'Paul', 'Peter', 'Poppy', 'Rachel',
  'Robert', 'Rosie', 'Ruby', 'Ryan', 'Samuel', 'Sana', 'Sarah', 'Sophie', 'Stephen', 'Susan', 'Thomas', 'Tom', 'Usman', 'Victoria', 'William',
  'Wiktor', 'Yasmin', 'Yusuf', 'Zainab', 'Zara', 'Zoe',
];
const FAMILY = [
  'Ahmed', 'Ali', 'Allen', 'Bailey', 'Baker', 'Begum', 'Bell', 'Brown', 'Butt', 'Clark', 'Clarke', 'Cook', 'Cooper', 'Davies', 'Davis', 'Edwards',
  'Evans', 'Flynn', 'Green', 'Hall', 'Hargreaves', 'Harris', 'Hill', 'Hughes', 'Hussain', 'Jackson', 'James', 'Johnson', 'Jones', 'Khan', 'King',
  'Kowalski', 'Lee', 'Lewis', 'Mahmood', 'Martin', 'Mitchell', 'Moore', 'Morgan', 'Morris', 'Murphy', 'Nowak', 'Okafor', "O'Brien", 'Parker',
  'Patel', 'Phillips', 'Price', 'Rahman', 'Roberts', 'Robinson', 'Scott', 'Shah', 'Smith', 'Sutcliffe', 'Taylor', 'Thomas', 'Thompson', 'Turner',
  'Walker', 'Ward', 'Watson', 'White', 'Wilkinson', 'Williams', 'Wilson', 'Wood', 'Wright', 'Young',
];
const DISTRICTS = ['HX1', 'HX2', 'HX3', 'HX4', 'HX5', 'HX6', 'HX7', 'HD6', 'OL14'];

export interface GeneratedPerson {
  personId: string;
  details: PersonalDetails;
  registeredBy: string;
  /** What the consent given at registration covers: the whole consortium, the registering partner only, or none yet. */
  consent: 'consortium' | 'own-partner' | 'none';
}

export function generatedPeople(count: number, partnerIds: string[], random = seededRandom(2026)): GeneratedPerson[] {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  return Array.from({ length: count }, (_, n) => {
    const day = Math.floor(random() * 365 * 80);
    const dateOfBirth = new Date(Date.UTC(1940, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
    const roll = random();
    return {
      personId: `bench-person-${n}`,
      details: { givenName: pick(GIVEN), familyName: pick(FAMILY), dateOfBirth, postcode: `${pick(DISTRICTS)} ${Math.floor(random() * 10)}ZZ` },
      registeredBy: pick(partnerIds),
      consent: roll < 0.7 ? 'consortium' : roll < 0.9 ? 'own-partner' : 'none',
    };
  });
}

/** What staff type, one keystroke at a time, looking for someone: "a", "am", … "amira", "amira k", … "amira khan". */
export function typedPrefixes(person: PersonalDetails): string[] {
  const full = `${person.givenName} ${person.familyName}`.toLowerCase();
  const out: string[] = [];
  for (let i = 1; i <= full.length; i++) {
    const text = full.slice(0, i);
    if (!text.endsWith(' ')) out.push(text);
  }
  return out;
}
