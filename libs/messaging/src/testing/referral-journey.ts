import type { Actor } from '@onedoor/domain';
import { Scenario, amira, debt, front, hub, jobs, seedConsortium, target } from '@onedoor/projections/testing/scenario';

/** Spec helper: a realistic stretch of a consortium's life, run through the real deciders into an in-memory log. */
export const PEOPLE = { amira: 'p-amira' };
export const SECRETS = ['Amira', 'Khan', '07700 900123', 'lost her job at the mill', 'prefers mornings', 'rent arrears letter'];
export const at = (day: number, hour = 9) => `2026-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;

const reason = { code: 'other' as const, text: 'moving on' };

export async function referralJourney(): Promise<Scenario> {
  const s = new Scenario();
  await seedConsortium(s, at(1));
  const personId = PEOPLE.amira;
  const sealed = (value: unknown) => s.vault.seal(personId, value);
  const facts = () => s.facts(personId);
  const act = (referralId: string, command: Record<string, unknown> & { actor: Actor; at: string }) => s.referral(referralId, command as never);

  await s.person(personId, { type: 'RegisterPerson', personId, personal: await sealed(amira), possibleDuplicateIds: [], confirmedNotDuplicate: false, actor: front, at: at(2) });
  await s.person(personId, { type: 'GiveConsent', consentId: 'c-jobs', scope: { kind: 'partners', partnerIds: ['jobs'] }, purposes: ['referral'], memberPartnerIds: ['hub', 'front', 'jobs', 'debt'], actor: front, at: at(2) });

  // r1: front refers Amira to jobs, which accepts, supports her, pauses, resumes, then hands off to debt.
  await act('r1', { type: 'CreateReferral', referralId: 'r1', personId, person: await facts(), needs: ['employment'], urgency: 'routine', summary: await sealed('lost her job at the mill'), routing: { target: target('jobs', 'svc-jobs') }, actor: front, at: at(3) });
  await act('r1', { type: 'AcceptReferral', person: await facts(), actor: jobs, at: at(4) });
  await act('r1', { type: 'RecordInteraction', interactionId: 'i1', kind: 'one-to-one', occurredOn: '2026-03-05', notes: await sealed('prefers mornings'), actor: jobs, at: at(5) });
  await act('r1', { type: 'PutReferralOnHold', reason: { code: 'could-not-contact' }, actor: jobs, at: at(6) });
  await act('r1', { type: 'ResumeReferral', person: await facts(), actor: jobs, at: at(7) });
  await s.person(personId, { type: 'GiveConsent', consentId: 'c-debt', scope: { kind: 'partners', partnerIds: ['debt'] }, purposes: ['referral'], memberPartnerIds: ['hub', 'front', 'jobs', 'debt'], actor: front, at: at(8) });
  await act('r1', { type: 'HandOffReferral', target: target('debt', 'svc-debt'), person: await facts(), reason: 'debt is the bigger worry', actor: jobs, at: at(9) });
  await act('r1', { type: 'RecordInteraction', interactionId: 'i2', kind: 'advice', occurredOn: '2026-03-10', notes: await sealed('rent arrears letter'), actor: debt, at: at(10) });
  await act('r1', { type: 'CompleteReferral', outcome: { code: 'need-met', enteredWork: true, workStartedOn: '2026-03-11' }, actor: debt, at: at(11) });

  // r2: routed to debt, rejected, re-routed to jobs, which accepts; then Amira withdraws her consent for jobs,
  // which records support (no longer visible to it) and closes the referral as failed.
  await act('r2', { type: 'CreateReferral', referralId: 'r2', personId, person: await facts(), needs: ['debt-advice'], urgency: 'urgent', routing: { target: target('debt', 'svc-debt') }, actor: front, at: at(12) });
  await act('r2', { type: 'RejectReferral', reason: { code: 'no-capacity' }, actor: debt, at: at(12, 10) });
  await act('r2', { type: 'RouteReferral', target: target('jobs', 'svc-jobs'), person: await facts(), actor: front, at: at(12, 11) });
  await act('r2', { type: 'AcceptReferral', person: await facts(), actor: jobs, at: at(12, 12) });
  await s.person(personId, { type: 'WithdrawConsent', consentId: 'c-jobs', actor: front, at: at(13) });
  await act('r2', { type: 'RecordInteraction', interactionId: 'i3', kind: 'phone-call', occurredOn: '2026-03-13', notes: await sealed('prefers mornings'), actor: jobs, at: at(13, 10) });
  await act('r2', { type: 'FailReferral', reason, actor: jobs, at: at(13, 11) });

  // r3 and r4: a draft cancelled, a referral voided; r5 moves to a successor when debt leaves.
  await act('r3', { type: 'CreateReferral', referralId: 'r3', personId, person: await facts(), needs: ['employment'], urgency: 'routine', actor: front, at: at(14) });
  await act('r3', { type: 'CancelReferral', reason, actor: front, at: at(14, 10) });
  await act('r4', { type: 'CreateReferral', referralId: 'r4', personId, person: await facts(), needs: ['employment'], urgency: 'routine', summary: await sealed('lost her job at the mill'), routing: { target: target('debt', 'svc-debt') }, actor: front, at: at(15) });
  await act('r4', { type: 'MarkReferralEnteredInError', reason: { code: 'duplicate' }, actor: front, at: at(15, 10) });
  await act('r5', { type: 'CreateReferral', referralId: 'r5', personId, person: await facts(), needs: ['debt-advice'], urgency: 'routine', routing: { target: target('debt', 'svc-debt') }, actor: front, at: at(16) });
  await s.consortium({ type: 'RemovePartner', partnerId: 'debt', successorPartnerId: 'hub', openReferralIds: ['r5'], actor: hub, at: at(17) });
  await act('r5', { type: 'ReassignOnPartnerExit', leavingPartnerId: 'debt', successorPartnerId: 'hub', person: await facts(), actor: hub, at: at(17, 10) });

  // Erasure commits first; the person's key is destroyed after (the spec does that, to replay without it).
  await s.person(personId, { type: 'ErasePerson', actor: front, at: at(18) });
  return s;
}
