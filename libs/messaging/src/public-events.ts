import type { DomainEventType } from '@onedoor/domain';
import {
  JsonSchema,
  id,
  instant,
  calendarDate,
  interactionKind,
  objectSchema,
  outcome,
  personalDetails,
  personalNotes,
  personalSummary,
  reason,
  referralBase,
  referralSnapshot,
  text,
} from './schemas/schema-fragments';
import type { TopicKind } from './topics';

/**
 * One public event type: what partners' systems receive. Types are versioned (`.v1`); a published shape is
 * never edited, a change gets a `.v2` beside it.
 */
export interface PublicEventDefinition {
  /** CloudEvents `type`. */
  type: string;
  /** The domain event it is made from; null for the per-person details record, made whenever a partner's sight of a person changes. */
  from: DomainEventType | null;
  summary: string;
  /** What `subject` (and, on keyed topics, the record key) names. */
  subject: 'referral' | 'person';
  topics: TopicKind[];
  schema: JsonSchema;
}

const referralTopics: TopicKind[] = ['hub', 'partner'];

function referralEvent(name: string, from: DomainEventType, summary: string, required: string[] = [], properties: Record<string, unknown> = {}): PublicEventDefinition {
  const type = `org.onedoor.referral.${name}.v1`;
  return {
    type,
    from,
    summary,
    subject: 'referral',
    topics: referralTopics,
    schema: { $id: `urn:onedoor:schema:${type}`, ...objectSchema(type, summary, [...Object.keys(referralBase), ...required], { ...referralBase, ...properties }) },
  };
}

const withReason = (name: string, from: DomainEventType, summary: string) => referralEvent(name, from, summary, ['reason'], { reason });

/** Joining part-way through, a partner needs the referral's facts: routing, handoff and reassignment carry them. */
const joiningFields = { referral: referralSnapshot, personal: personalSummary };

export const PUBLIC_EVENTS: readonly PublicEventDefinition[] = [
  referralEvent('created', 'ReferralCreated', 'A referral was created by the referring partner.', ['referringPartnerId', 'needs', 'urgency'], {
    referringPartnerId: id,
    needs: { type: 'array', items: text, minItems: 1 },
    urgency: { enum: ['routine', 'urgent'] },
    personal: personalSummary,
  }),
  referralEvent('routed', 'ReferralRouted', "A referral was sent to a partner's service; the receiving partner must respond by respondBy.", ['partnerId', 'serviceId', 'respondBy', 'waitlisted', 'referral'], {
    partnerId: id,
    serviceId: id,
    respondBy: instant,
    waitlisted: { type: 'boolean' },
    previousPartnerId: id,
    ...joiningFields,
  }),
  referralEvent('accepted', 'ReferralAccepted', 'The receiving partner accepted the referral.'),
  withReason('rejected', 'ReferralRejected', 'The receiving partner rejected the referral, with a reason.'),
  referralEvent('started', 'ReferralStarted', 'Work on the referral started.'),
  withReason('put-on-hold', 'ReferralPutOnHold', 'Work on the referral was put on hold, with a reason.'),
  referralEvent('resumed', 'ReferralResumed', 'Work on the referral resumed.'),
  referralEvent('completed', 'ReferralCompleted', 'The referral was completed with an outcome.', ['outcome'], { outcome }),
  withReason('failed', 'ReferralFailed', 'The referral was closed as failed, with a reason.'),
  withReason('cancelled', 'ReferralCancelled', 'The referral was cancelled, with a reason.'),
  withReason('entered-in-error', 'ReferralEnteredInError', 'The referral was marked as entered in error, with a reason.'),
  referralEvent('handed-off', 'ReferralHandedOff', "Accepted work moved to another partner's service.", ['fromPartnerId', 'toPartnerId', 'serviceId', 'reason', 'referral'], {
    fromPartnerId: id,
    toPartnerId: id,
    serviceId: id,
    reason: text,
    ...joiningFields,
  }),
  referralEvent('reassigned', 'ReferralReassigned', "A partner left the consortium; its side of the referral moved to its successor.", ['side', 'fromPartnerId', 'toPartnerId', 'referral'], {
    side: { enum: ['referring', 'receiving'] },
    fromPartnerId: id,
    toPartnerId: id,
    ...joiningFields,
  }),
  referralEvent('interaction-recorded', 'InteractionRecorded', 'A piece of support was recorded against the referral.', ['interactionId', 'kind', 'occurredOn', 'partnerId'], {
    interactionId: id,
    kind: interactionKind,
    occurredOn: calendarDate,
    partnerId: id,
    personal: personalNotes,
  }),
  {
    type: 'org.onedoor.person.details.v1',
    from: null,
    summary: "The person's details as this partner may see them; on the keyed per-person topic a null value (tombstone) means forget them.",
    subject: 'person',
    topics: ['partnerPeople'],
    schema: {
      $id: 'urn:onedoor:schema:org.onedoor.person.details.v1',
      ...objectSchema('org.onedoor.person.details.v1', "The person's details as this partner may see them.", ['personId', 'occurredAt', 'personal'], { personId: id, occurredAt: instant, personal: personalDetails }),
    },
  },
  {
    type: 'org.onedoor.person.erased.v1',
    from: 'PersonErased',
    summary: 'The person was erased: forget everything you hold about them. Carries no personal data.',
    subject: 'person',
    topics: ['hub', 'partner'],
    schema: {
      $id: 'urn:onedoor:schema:org.onedoor.person.erased.v1',
      ...objectSchema('org.onedoor.person.erased.v1', 'The person was erased: forget everything you hold about them.', ['personId', 'occurredAt'], { personId: id, occurredAt: instant }),
    },
  },
];

export const PUBLIC_EVENT_TYPES = PUBLIC_EVENTS.map((e) => e.type);

const byDomainType = new Map(PUBLIC_EVENTS.filter((e) => e.from !== null).map((e) => [e.from!, e]));

/** The public event a domain event becomes, or undefined for internal ones (consortium, services, consent, registration). */
export function publicEventFor(domainType: string): PublicEventDefinition | undefined {
  return byDomainType.get(domainType as DomainEventType);
}

export const PERSON_DETAILS_TYPE = 'org.onedoor.person.details.v1';
export const PERSON_ERASED_TYPE = 'org.onedoor.person.erased.v1';
