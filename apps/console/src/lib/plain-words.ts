import { ApiProblem, NetworkProblem } from '../api/problem';

/**
 * What a refusal means for the person at the desk, and what to do next. Rules not listed here fall back to
 * the API's own message, which already names the rule in words.
 */
const PLAIN: Record<string, string> = {
  'auth.token-missing': 'You are signed out. Sign in again to continue.',
  'auth.token-invalid': 'Your sign-in has expired or is not valid. Sign in again.',
  'auth.partner-not-member': 'Your organisation is not a current member of this consortium.',
  'concurrency.stale-version': 'Someone else changed this while you were looking at it. The latest version is shown; check it and try again.',
  'idempotency.in-progress': 'That is still being saved. Wait a moment; it will not be saved twice.',
  'person.possible-duplicate': 'Someone with this name and date of birth is already registered. Check the people listed before registering a new record.',
  'person.consent-required': "This person's consent does not cover your organisation, so their details cannot be shown.",
  'person.not-found': 'No such person is registered.',
  'referral.consent-required': "The person's consent does not cover the partner this service belongs to. Record consent that includes that partner first.",
  'referral.person-erased': "This person's details have been erased; no new referral can be made for them.",
  'referral.service-waitlist-closed': 'This service is full and its waiting list is closed. Choose another service.',
  'referral.service-not-active': 'This service is no longer taking referrals.',
  'referral.only-receiver-acts': 'Only the partner that received this referral can do that.',
  'referral.only-receiver-hands-off': 'Only the partner working on this referral can hand it off.',
  'referral.only-referrer-routes': 'Only the partner that made this referral can route it again.',
  'referral.handoff-to-same-partner': 'Choose a service of another partner to hand off to.',
  'referral.handoff-needs-accepted-work': 'A referral can be handed off once it has been accepted.',
  'referral.reroute-to-rejecting-service': 'That service has just turned this referral down. Choose a different service.',
  'referral.transition-not-allowed': 'That step is not possible from the referral’s current status.',
  'referral.interaction-needs-active-work': 'Support can be recorded once the referral has been accepted.',
  'referral.reason-required': 'Give a reason.',
  'referral.outcome-required': 'Choose an outcome.',
  'referral.not-a-party': 'Your organisation is not part of this referral.',
  'referral.not-found': 'No such referral.',
  'consent.partners-required': 'Choose at least one partner the consent covers.',
  'consent.purpose-required': 'Choose at least one purpose.',
  'consent.expiry-in-past': 'The expiry date must be in the future.',
  'consent.already-withdrawn': 'This consent was already withdrawn.',
  'service.only-owner-changes': 'Only the partner that runs this service can change it.',
  'service.capacity-exceeds-maximum': 'Places available cannot be more than the maximum.',
  'group.session-already-recorded': 'A head count for this service and date is already recorded.',
  'group.not-your-service': 'You can record attendance only for your own services.',
  'group.date-in-future': 'The session date cannot be in the future.',
  'employment.already-in-work': 'A spell in work is already open for this person.',
  'employment.not-permitted': 'Your organisation cannot record work for this person.',
  'worklist.not-yours': "You can see only your own organisation's worklist.",
  'insights.not-your-partner': "You can see only your own organisation's figures.",
};

/**
 * Fields where the API's rule ("code must be one of the following values: …") reads as a puzzle at the desk;
 * the console's own controls make the fix obvious in fewer words.
 */
const FIELD_PLAIN: Record<string, string> = {
  'reason.code': 'Choose a reason.',
  'reason.text': 'Say why, in a few words.',
  'outcome.code': 'Choose an outcome.',
  kind: 'Choose the kind of support.',
  serviceId: 'Choose a service.',
  reason: 'Give a reason.',
  givenName: 'Enter the given name.',
  familyName: 'Enter the family name.',
};

/** A sentence for staff, whatever went wrong. */
export function plainWords(error: unknown): string {
  if (error instanceof NetworkProblem) return error.message;
  if (error instanceof ApiProblem) {
    if (error.rule && PLAIN[error.rule]) return PLAIN[error.rule];
    if (error.status === 400 && error.fields.length > 0) return 'Some answers need correcting: see the highlighted fields.';
    if (error.status >= 500) return 'OneDoor could not do that just now. Nothing was saved; try again in a moment.';
    return sentence(error.message);
  }
  return 'Something went wrong in the console. Reload the page and try again.';
}

/** A field's rules in words (the API's wording, which names the field), one sentence each. */
export function fieldWords(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiProblem)) return undefined;
  const problems = error.forField(field);
  if (problems.length === 0) return undefined;
  const plain = [...new Set(problems.map((p) => FIELD_PLAIN[p.field] ?? p.rules.map(sentence).join(' ')))];
  return plain.join(' ');
}

function sentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return trimmed;
  const first = trimmed[0].toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}
