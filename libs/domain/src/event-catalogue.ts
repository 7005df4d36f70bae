import { ConsortiumEvent } from './consortium/consortium-events';
import { ServiceEvent } from './partner-service/service-events';
import { PersonEvent } from './person/person-events';
import { ReferralEvent } from './referral/referral-events';
import { ContractEvent } from './contract/contract-events';
import { EmploymentEvent } from './employment/employment';
import { GroupAttendanceEvent } from './group-activity/group-attendance';

export type DomainEvent = ConsortiumEvent | ServiceEvent | PersonEvent | ReferralEvent | ContractEvent | EmploymentEvent | GroupAttendanceEvent;
export type DomainEventType = DomainEvent['type'];

/**
 * The current schema version of every event type. A published shape is never edited: a change gets a
 * new version here and an upcaster that lifts the old shape.
 */
export const EVENT_SCHEMA_VERSIONS: Readonly<Record<DomainEventType, number>> = {
  ConsortiumFormed: 1,
  PartnerJoined: 1,
  PartnerLeft: 1,
  ServiceListed: 1,
  ServiceUpdated: 1,
  ServiceCapacityUpdated: 1,
  ServiceWaitlistChanged: 1,
  ServiceWithdrawn: 1,
  PersonRegistered: 1,
  PersonDetailsCorrected: 1,
  ConsentGiven: 1,
  ConsentWithdrawn: 1,
  ConsentExpired: 1,
  PersonErased: 1,
  ReferralCreated: 1,
  ReferralRouted: 1,
  ReferralAccepted: 1,
  ReferralRejected: 1,
  ReferralStarted: 1,
  ReferralPutOnHold: 1,
  ReferralResumed: 1,
  ReferralCompleted: 1,
  ReferralFailed: 1,
  ReferralCancelled: 1,
  ReferralEnteredInError: 1,
  ReferralHandedOff: 1,
  ReferralReassigned: 1,
  InteractionRecorded: 1,
  ContractAgreed: 1,
  ContractAmended: 1,
  ClaimAdjusted: 1,
  ClaimClawedBack: 1,
  EmploymentStarted: 1,
  EmploymentEnded: 1,
  GroupAttendanceRecorded: 1,
};

/** Stream names: one stream per aggregate instance. */
export const streams = {
  consortium: (id: string) => `consortium-${id}`,
  service: (id: string) => `service-${id}`,
  person: (id: string) => `person-${id}`,
  referral: (id: string) => `referral-${id}`,
  contract: (id: string) => `contract-${id}`,
  employment: (personId: string) => `employment-${personId}`,
  groupAttendance: (serviceId: string) => `group-attendance-${serviceId}`,
};
