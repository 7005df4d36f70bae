import { isOverdue } from '@onedoor/domain';
import { PersonRegister, ReferralBook, ReferralRecord } from '@onedoor/projections';

/**
 * A referral as a partner may see it. The person's name, the summary and case notes appear only when
 * the caller may see the person (consent or registration); statuses, dates and counts always do.
 */
export function referralView(referral: ReferralRecord, maySeePerson: boolean, book: ReferralBook, register: PersonRegister, now: string) {
  const name = maySeePerson ? register.nameOf(referral.personId) : undefined;
  return {
    referralId: referral.referralId,
    personId: referral.personId,
    ...(name !== undefined ? { person: name } : {}),
    status: referral.status,
    referringPartnerId: referral.referringPartnerId,
    receivingPartnerId: referral.receivingPartnerId,
    serviceId: referral.serviceId,
    needs: referral.needs,
    urgency: referral.urgency,
    ...(maySeePerson && referral.summary ? { summary: book.summary(referral) } : {}),
    createdAt: referral.createdAt,
    updatedAt: referral.updatedAt,
    respondBy: referral.respondBy,
    firstRespondedAt: referral.firstRespondedAt,
    overdue: isOverdue(referral, now),
    waitlisted: referral.waitlisted,
    outcome: referral.outcome,
    lastReason: referral.lastReason,
    version: referral.version,
    interactions: referral.interactions.map((i) => ({
      interactionId: i.interactionId,
      kind: i.kind,
      occurredOn: i.occurredOn,
      partnerId: i.partnerId,
      recordedAt: i.recordedAt,
      ...(maySeePerson && i.notes ? { notes: book.notes(referral, i) } : {}),
    })),
  };
}
