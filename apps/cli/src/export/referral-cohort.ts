import type { ReferralRecord } from '@onedoor/projections';
import { Pseudonymiser } from './pseudonymiser';
import type { ExportRow } from './table-writers';

/** Which referrals an export holds: created in [from, to) and, with a partner, those it sent or received. */
export interface CohortFilter {
  from?: string;
  to?: string;
  partnerId?: string;
}

export const REFERRAL_COHORT_COLUMNS = [
  'person', 'referral', 'referring_partner', 'receiving_partner', 'service', 'needs', 'urgency', 'status', 'waitlisted',
  'created_at', 'first_response_at', 'interactions', 'first_interaction_on', 'ended_at', 'outcome', 'entered_work', 'work_started_on',
] as const;

const ENDED = new Set(['ReferralCompleted', 'ReferralFailed', 'ReferralCancelled', 'ReferralEnteredInError']);

/**
 * One row per referral: who sent and received it, what it was for and how it went, with the person and
 * the referral under this export's pseudonyms. No free text and nothing from the person's own record.
 */
export function referralCohort(referrals: ReferralRecord[], filter: CohortFilter): ExportRow[] {
  const people = new Pseudonymiser('person-');
  const referralIds = new Pseudonymiser('referral-');
  return referrals.filter((r) => inCohort(r, filter)).map((r) => {
    const interactionDays = r.interactions.map((i) => i.occurredOn).sort();
    const ending = [...r.history].reverse().find((h) => ENDED.has(h.type));
    return {
      person: people.of(r.personId),
      referral: referralIds.of(r.referralId),
      referring_partner: r.referringPartnerId,
      receiving_partner: r.receivingPartnerId ?? null,
      service: r.serviceId ?? null,
      needs: r.needs.join(';'),
      urgency: r.urgency,
      status: r.status,
      waitlisted: r.waitlisted,
      created_at: r.createdAt,
      first_response_at: r.firstRespondedAt ?? null,
      interactions: r.interactions.length,
      first_interaction_on: interactionDays[0] ?? null,
      ended_at: ending?.at ?? null,
      outcome: r.outcome?.code ?? null,
      entered_work: r.outcome?.enteredWork ?? null,
      work_started_on: r.outcome?.workStartedOn ?? null,
    };
  });
}

function inCohort(r: ReferralRecord, { from, to, partnerId }: CohortFilter): boolean {
  const created = Date.parse(r.createdAt);
  if (from !== undefined && created < Date.parse(from)) return false;
  if (to !== undefined && created >= Date.parse(to)) return false;
  return partnerId === undefined || r.referringPartnerId === partnerId || r.receivingPartnerId === partnerId;
}
