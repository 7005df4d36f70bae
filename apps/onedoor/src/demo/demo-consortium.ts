import type { Capacity, PartnerRole, ServiceDescription } from '@onedoor/domain';

/** A realistic umbrella consortium: a hub and six delivery partners across a valley's towns. */
export const DEMO_CONSORTIUM = { name: 'Calder Valley Wellbeing Consortium', structure: 'umbrella' as const };

export const DEMO_PARTNERS: { partnerId: string; name: string; role: PartnerRole }[] = [
  { partnerId: 'calder-hub', name: 'Calder Valley Together (hub)', role: 'hub' },
  { partnerId: 'calder-works', name: 'Calder Works', role: 'delivery' },
  { partnerId: 'valley-minds', name: 'Valley Minds', role: 'delivery' },
  { partnerId: 'hearth-housing', name: 'Hearth Housing Advice', role: 'delivery' },
  { partnerId: 'fair-money', name: 'Fair Money Advice', role: 'delivery' },
  { partnerId: 'youth-forward', name: 'Youth Forward', role: 'delivery' },
  { partnerId: 'carers-circle', name: 'Carers Circle', role: 'delivery' },
];

type DemoService = { serviceId: string; partnerId: string; capacity: Capacity } & ServiceDescription;
const places = (available: number, maximum: number): Capacity => ({ available, maximum, unit: 'places' });
const adults = { minimumAge: 18, description: 'Adults living in Calderdale' };

export const DEMO_SERVICES: DemoService[] = [
  { serviceId: 'job-club', partnerId: 'calder-works', name: 'Job Club', description: 'Weekly job search, CVs and applications with an employment coach.', needs: ['employment'], localities: ['Halifax', 'HX1'], communities: [], eligibility: { minimumAge: 16, description: 'Out of work, 16 or over' }, capacity: places(12, 20) },
  { serviceId: 'in-work-support', partnerId: 'calder-works', name: 'In-Work Support', description: 'Support for the first 26 weeks in a new job.', needs: ['employment'], localities: ['Halifax', 'Brighouse'], communities: [], eligibility: adults, capacity: places(8, 15) },
  { serviceId: 'skills-for-work', partnerId: 'calder-works', name: 'Skills for Work', description: 'Digital skills and English for work, in small groups.', needs: ['employment', 'education'], localities: ['Halifax', 'Todmorden'], communities: ['refugees'], eligibility: adults, capacity: { available: 30, maximum: 40, unit: 'sessions-per-month' } },
  { serviceId: 'talking-therapies', partnerId: 'valley-minds', name: 'Talking Therapies', description: 'Six to twelve sessions of guided self-help or counselling.', needs: ['mental-health'], localities: ['Calderdale'], communities: [], eligibility: adults, capacity: places(0, 25) },
  { serviceId: 'peer-support-group', partnerId: 'valley-minds', name: 'Peer Support Group', description: 'A weekly drop-in group run by people with lived experience.', needs: ['mental-health', 'social-isolation'], localities: ['Hebden Bridge', 'HX7'], communities: [], eligibility: adults, capacity: places(15, 20) },
  { serviceId: 'valley-voices-choir', partnerId: 'valley-minds', name: 'Valley Voices Choir', description: 'A community choir for wellbeing; no experience needed.', needs: ['social-isolation', 'mental-health'], localities: ['Sowerby Bridge'], communities: [], eligibility: { description: 'Everyone welcome' }, capacity: places(25, 40) },
  { serviceId: 'housing-options', partnerId: 'hearth-housing', name: 'Housing Options Advice', description: 'Advice on tenancies, homelessness prevention and rehousing.', needs: ['housing'], localities: ['Calderdale'], communities: [], eligibility: adults, capacity: { available: 10, maximum: 14, unit: 'appointments-per-week' } },
  { serviceId: 'tenancy-sustainment', partnerId: 'hearth-housing', name: 'Tenancy Sustainment', description: 'Caseworker support to keep a tenancy at risk.', needs: ['housing', 'debt'], localities: ['Halifax', 'Elland'], communities: [], eligibility: adults, capacity: places(4, 12) },
  { serviceId: 'young-peoples-housing', partnerId: 'hearth-housing', name: "Young People's Housing", description: 'Supported lodgings and advice for 16 to 25 year olds.', needs: ['housing'], localities: ['Calderdale'], communities: ['young-people', 'care-leavers'], eligibility: { minimumAge: 16, maximumAge: 25 }, capacity: places(3, 8) },
  { serviceId: 'debt-advice', partnerId: 'fair-money', name: 'Debt Advice', description: 'Regulated debt advice, budgeting and debt solutions.', needs: ['debt'], localities: ['Calderdale'], communities: [], eligibility: adults, capacity: { available: 20, maximum: 30, unit: 'appointments-per-week' } },
  { serviceId: 'benefits-check', partnerId: 'fair-money', name: 'Benefits Check', description: 'A full benefits entitlement check and help to claim.', needs: ['debt', 'benefits'], localities: ['Calderdale'], communities: [], eligibility: { minimumAge: 16 }, capacity: { available: 25, maximum: 30, unit: 'appointments-per-week' } },
  { serviceId: 'energy-advice', partnerId: 'fair-money', name: 'Energy Bill Advice', description: 'Help with energy debts, grants and switching.', needs: ['debt'], localities: ['Todmorden', 'Hebden Bridge'], communities: ['older-people'], eligibility: adults, capacity: { available: 10, maximum: 10, unit: 'hours-per-week' } },
  { serviceId: 'youth-mentoring', partnerId: 'youth-forward', name: 'Youth Mentoring', description: 'One-to-one mentoring for young people not in education, employment or training.', needs: ['employment', 'education'], localities: ['Halifax', 'Brighouse'], communities: ['young-people'], eligibility: { minimumAge: 14, maximumAge: 24 }, capacity: places(9, 20) },
  { serviceId: 'youth-wellbeing-hub', partnerId: 'youth-forward', name: 'Youth Wellbeing Hub', description: 'Drop-in wellbeing sessions for young people.', needs: ['mental-health'], localities: ['Halifax'], communities: ['young-people'], eligibility: { minimumAge: 11, maximumAge: 19 }, capacity: places(30, 40) },
  { serviceId: 'young-carers-club', partnerId: 'youth-forward', name: 'Young Carers Club', description: 'Breaks and activities for young carers.', needs: ['carers-support'], localities: ['Calderdale'], communities: ['young-people', 'carers'], eligibility: { minimumAge: 8, maximumAge: 18 }, capacity: places(12, 15) },
  { serviceId: 'carers-assessment-support', partnerId: 'carers-circle', name: "Carers' Assessment Support", description: "Help to get a carer's assessment and the support it unlocks.", needs: ['carers-support'], localities: ['Calderdale'], communities: ['carers'], eligibility: adults, capacity: places(6, 10) },
  { serviceId: 'carers-break-fund', partnerId: 'carers-circle', name: 'Carers Break Fund', description: 'Small grants for a break from caring.', needs: ['carers-support'], localities: ['Calderdale'], communities: ['carers'], eligibility: adults, capacity: places(5, 25) },
  { serviceId: 'carers-cafe', partnerId: 'carers-circle', name: 'Carers Café', description: 'A monthly café for carers to meet and share.', needs: ['carers-support', 'social-isolation'], localities: ['Elland'], communities: ['carers'], eligibility: { description: 'Unpaid carers of any age' }, capacity: places(20, 30) },
];

/** Fictional people, registered at the front door with consent, so worklists have something in them. */
export const DEMO_PEOPLE = [
  { personId: 'demo-person-1', givenName: 'Amira', familyName: 'Khan', dateOfBirth: '1988-03-14', postcode: 'HX1 2AB', preferredContactMethod: 'phone' as const, preferredLanguage: 'ur', phone: '01422 000001', registeredBy: 'calder-hub', needs: ['employment'], serviceId: 'job-club' },
  { personId: 'demo-person-2', givenName: 'Tom', familyName: 'Hargreaves', dateOfBirth: '1961-11-02', postcode: 'HX7 8AD', preferredContactMethod: 'email' as const, email: 'tom@example.org', registeredBy: 'calder-hub', needs: ['debt'], serviceId: 'debt-advice' },
  { personId: 'demo-person-3', givenName: 'Jade', familyName: 'Okafor', dateOfBirth: '2007-06-21', postcode: 'HD6 1AA', preferredContactMethod: 'text' as const, phone: '07700 900003', registeredBy: 'youth-forward', needs: ['housing'], serviceId: 'young-peoples-housing' },
  { personId: 'demo-person-4', givenName: 'Margaret', familyName: 'Flynn', dateOfBirth: '1950-01-30', postcode: 'HX5 0QQ', preferredContactMethod: 'post' as const, address: '1 Mill Lane, Elland', registeredBy: 'carers-circle', needs: ['carers-support'], serviceId: 'carers-assessment-support' },
];

/**
 * A payment-by-results contract for the demo, from `start` (the first of a month: the seeding month, or months
 * earlier with the history) for 18 months, so the insights reports have terms to show: the three
 * milestones, targets for the employment partners.
 */
export function demoContract(start: string) {
  const end = new Date(Date.UTC(Number(start.slice(0, 4)), Number(start.slice(5, 7)) - 1 + 18, 0)).toISOString().slice(0, 10);
  return {
    contractId: 'demo-contract',
    name: 'Calder Into Work',
    commissioner: 'Calderdale Council',
    period: { start, end },
    milestones: [
      { milestoneId: 'engaged', name: 'Three intervention activities', rule: { kind: 'activity-count' as const, atLeast: 3, kinds: ['assessment' as const, 'one-to-one' as const, 'advice' as const] }, paymentPence: 30_000 },
      { milestoneId: 'in-work-13', name: 'In work for 13 weeks', rule: { kind: 'sustained-employment' as const, weeks: 13 }, paymentPence: 50_000 },
      { milestoneId: 'in-work-26', name: 'In work for 26 weeks', rule: { kind: 'sustained-employment' as const, weeks: 26 }, paymentPence: 70_000 },
    ],
    hubFee: { kind: 'share-of-member-claims' as const, percent: 10 },
    targets: [
      { partnerId: 'calder-works', referralsAccepted: 120, participantsStarted: 100, milestones: [{ milestoneId: 'engaged', count: 80 }, { milestoneId: 'in-work-13', count: 30 }] },
      { partnerId: 'youth-forward', referralsAccepted: 40, participantsStarted: 30, milestones: [{ milestoneId: 'engaged', count: 25 }] },
    ],
  };
}

/** A light-touch session: the carers' café's head count, no names. */
export const DEMO_GROUP_SESSION = { sessionId: 'demo-carers-cafe-1', serviceId: 'carers-cafe', partnerId: 'carers-circle', count: 14 };
