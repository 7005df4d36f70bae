/** The answers the console reads. Request bodies come from the generated schema (schema.d.ts). */
import type { components } from './schema';

export type Schemas = components['schemas'];
export type RegisterPersonBody = Schemas['RegisterPersonDto'];
export type GiveConsentBody = Schemas['GiveConsentDto'];
export type CreateReferralBody = Schemas['CreateReferralDto'];
export type RecordInteractionBody = Schemas['RecordInteractionDto'];
export type ReasonBody = Schemas['ReasonBodyDto'];
export type CompleteReferralBody = Schemas['CompleteReferralDto'];
export type HandOffBody = Schemas['HandOffReferralDto'];
export type CapacityBody = Schemas['CapacityDto'];
export type GroupAttendanceBody = Schemas['GroupAttendanceDto'];
export type EmploymentStartBody = Schemas['EmploymentStartDto'];
export type WaitlistBody = Schemas['WaitlistDto'];

export const ERASED = '[erased]';
export type Erased = typeof ERASED;

export interface Partner {
  partnerId: string;
  name: string;
  role: 'hub' | 'lead' | 'delivery' | string;
  active: boolean;
}

export interface Consortium {
  consortium: { consortiumId: string; name: string; structure: string };
  partners: Partner[];
}

export interface SignInOptions {
  mode: 'dev' | 'token';
  consortium?: { name: string };
  partners?: { partnerId: string; name: string; role: string }[];
}

export interface Actor {
  staffId: string;
  partnerId: string;
  managesConsortium: boolean;
}

export interface PersonalDetails {
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  email?: string;
  phone?: string;
  address?: string;
  postcode?: string;
  preferredContactMethod?: string;
  preferredLanguage?: string;
}

export interface Consent {
  consentId: string;
  scope: { kind: 'consortium' } | { kind: 'partners'; partnerIds: string[] };
  purposes: string[];
  givenAt: string;
  expiresAt?: string;
  withdrawnAt?: string;
  expiredAt?: string;
  recordedBy: string;
  active: boolean;
}

export interface Person {
  personId: string;
  registeredBy: string;
  registeredAt: string;
  version: number;
  erased: boolean;
  erasedAt?: string;
  details: PersonalDetails | Erased;
  consents: Consent[];
}

export interface PersonSearchHit {
  personId: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  postcode?: string;
}

export interface Service {
  serviceId: string;
  partnerId: string;
  name: string;
  description?: string;
  needs: string[];
  localities: string[];
  communities: string[];
  eligibility?: { minimumAge?: number; maximumAge?: number; description?: string };
  status: string;
  capacity?: { available: number; maximum: number; unit: string };
  waitlist: 'open' | 'closed';
  version: number;
}

export interface ScoreParts {
  needs: number;
  capacity: number;
  distance: number;
  responsiveness: number;
  delivery: number;
  load: number;
}

export interface Suggestion {
  serviceId: string;
  name: string;
  partnerId: string;
  partnerName: string;
  needsMet: string[];
  capacity?: { available: number; maximum: number; unit: string };
  distanceKm?: number;
  score: number;
  scoreParts: ScoreParts;
  reasons: string[];
  rank: number;
  why: string;
  waitlisted: boolean;
}

export interface Suggestions {
  personId: string;
  needs: string[];
  weights: ScoreParts;
  suggestions: Suggestion[];
  excluded?: Record<string, number>;
}

export type ReferralStatus = 'draft' | 'requested' | 'accepted' | 'in-progress' | 'on-hold' | 'rejected' | 'completed' | 'failed' | 'cancelled' | 'entered-in-error';

export interface PersonName {
  givenName: string;
  familyName: string;
}

export interface Referral {
  referralId: string;
  personId: string;
  person?: PersonName | Erased;
  status: ReferralStatus;
  referringPartnerId: string;
  receivingPartnerId?: string;
  serviceId?: string;
  needs: string[];
  urgency: 'routine' | 'urgent';
  summary?: string;
  createdAt: string;
  updatedAt: string;
  respondBy?: string;
  overdue: boolean;
  waitlisted: boolean;
  outcome?: { code: string; enteredWork?: boolean; workStartedOn?: string };
  lastReason?: { code: string; text?: string };
  version: number;
  interactions: { interactionId: string; kind: string; occurredOn: string; partnerId: string; recordedAt: string; notes?: string }[];
}

export interface WorklistItem {
  referralId: string;
  personId: string;
  person?: PersonName | Erased;
  status: ReferralStatus;
  role: 'receiving' | 'referring';
  needs: string[];
  urgency: 'routine' | 'urgent';
  serviceId?: string;
  respondBy?: string;
  overdue: boolean;
  waitlisted: boolean;
  updatedAt: string;
}

export interface Worklist {
  partnerId: string;
  asOf: string;
  incoming: WorklistItem[];
  overdue: WorklistItem[];
  byStatus: Record<ReferralStatus, number>;
  items: WorklistItem[];
}

export interface TimelineEntry {
  at: string;
  position: number;
  kind: string;
  partnerId: string;
  referralId?: string;
  summary: string;
}

export interface Timeline {
  personId: string;
  erased?: boolean;
  entries: TimelineEntry[];
}

export interface Measure {
  actual: number;
  target?: number;
  expectedToDate?: number;
  percentOfTarget?: number;
}

export interface DeliveryReport {
  asOf: string;
  contracts: { contractId: string; name: string; period: { start: string; end: string }; elapsed: number; partners: { partnerId: string; referralsAccepted: Measure; participantsStarted: Measure; milestones: ({ milestoneId: string } & Measure)[]; interactions: number; groupSessions: number; attendances: number }[] }[];
}

export interface FunnelCounts {
  received: number;
  accepted: number;
  firstInteraction: number;
  completed: number;
}

export interface FunnelReport {
  asOf: string;
  total: FunnelCounts;
  partners: ({ partnerId: string } & FunnelCounts)[];
}

export interface WaitCounts {
  measured: number;
  stillWaiting: number;
  p50Days?: number;
  p90Days?: number;
}

export interface WaitingTimesReport {
  asOf: string;
  total: WaitCounts;
  partners: ({ partnerId: string } & WaitCounts)[];
}

export interface ClaimLine {
  month: string;
  partnerId: string;
  milestones: { milestoneId: string; count: number; amountPence: number }[];
  claimsPence: number;
  adjustmentsPence: number;
  clawbacksPence: number;
  netPence: number;
  hubFeePence: number;
  payablePence: number;
}

export interface ClaimsReport {
  asOf: string;
  contracts: { contractId: string; name: string; hubPartnerId: string; lines: ClaimLine[] }[];
}

export interface DirectoryEntry {
  serviceId: string;
  name: string;
  description?: string;
  partner: { partnerId: string; name: string };
  needs: string[];
  communities: string[];
  localities: string[];
  eligibility?: { minimumAge?: number; maximumAge?: number; description?: string };
  capacity?: { available: number; maximum: number; unit: string; updatedAt?: string };
  hasCapacity: boolean;
  takesReferrals: boolean;
  waitlist: { status: 'open' | 'closed'; joinsWaitlist: boolean; waiting: number };
  openReferrals: number;
  distanceKm?: number;
}

export interface DirectoryPage {
  total: number;
  page: number;
  per_page: number;
  total_pages: number;
  results: DirectoryEntry[];
}

export interface ReferralHistoryEntry {
  position: number;
  at: string;
  type: string;
  by: { staffId: string; partnerId: string };
  summary: string;
  /** The non-personal facts of the event (ids, codes, dates), for a sentence in the reader's own words. */
  details?: ReferralHistoryDetails;
}

export interface ReferralHistoryDetails {
  reason?: { code: string };
  handoffReason?: string;
  outcome?: { code: string; enteredWork?: boolean };
  partnerId?: string;
  serviceId?: string;
  previousPartnerId?: string;
  respondBy?: string;
  waitlisted?: boolean;
  fromPartnerId?: string;
  toPartnerId?: string;
  side?: 'referring' | 'receiving';
  consentCoversSuccessor?: boolean;
  needs?: string[];
  urgency?: string;
  kind?: string;
  occurredOn?: string;
}
