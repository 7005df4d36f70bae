import { CONTACT_METHODS, INTERACTION_KINDS, OUTCOME_CODES, REASON_CODES } from '@onedoor/domain';

/** A JSON Schema (draft-07) as a plain object: the same object validates bodies and goes into the AsyncAPI document. */
export type JsonSchema = { [keyword: string]: unknown };

/** The pieces public event schemas are built from, so a shared shape is written once. */
export const id = { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9_-]*$' } as const;
export const instant = { type: 'string', format: 'date-time' } as const;
export const calendarDate = { type: 'string', format: 'date' } as const;
export const text = { type: 'string', minLength: 1 } as const;

export const reason: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['code'],
  properties: { code: { enum: [...REASON_CODES] }, text: { type: 'string' } },
};

export const outcome: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['code'],
  properties: { code: { enum: [...OUTCOME_CODES] }, enteredWork: { type: 'boolean' }, workStartedOn: calendarDate },
};

/** What a partner learns about a referral when it becomes a party to it part-way through. */
export const referralSnapshot: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['referringPartnerId', 'needs', 'urgency'],
  properties: { referringPartnerId: id, needs: { type: 'array', items: text, minItems: 1 }, urgency: { enum: ['routine', 'urgent'] } },
};

/** Personal fields: present only where the person's consent covers the partner the message is for. */
export const personalSummary: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['summary'],
  properties: { summary: { type: 'string', description: "Free text about the person's circumstances." } },
};

export const personalNotes: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['notes'],
  properties: { notes: { type: 'string' } },
};

export const personalDetails: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['givenName', 'familyName', 'dateOfBirth'],
  properties: {
    givenName: text,
    familyName: text,
    dateOfBirth: calendarDate,
    email: { type: 'string' },
    phone: { type: 'string' },
    address: { type: 'string' },
    postcode: { type: 'string' },
    preferredContactMethod: { enum: [...CONTACT_METHODS] },
    preferredLanguage: { type: 'string' },
  },
};

export const interactionKind = { enum: [...INTERACTION_KINDS] } as const;

/** The fields every referral event body carries. */
export const referralBase = {
  referralId: id,
  personId: id,
  occurredAt: instant,
  actedByPartnerId: id,
} as const;

/** A closed object schema: unknown fields fail, so a body that drifts from its contract is caught in tests. */
export function objectSchema(title: string, description: string, required: string[], properties: Record<string, unknown>): JsonSchema {
  return { $schema: 'http://json-schema.org/draft-07/schema#', title, description, type: 'object', additionalProperties: false, required, properties };
}
