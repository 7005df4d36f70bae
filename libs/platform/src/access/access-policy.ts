import { Injectable } from '@nestjs/common';
import { Actor, consentCovers } from '@onedoor/domain';
import { PersonRegister, ReferralRecord } from '@onedoor/projections';
import { Clock } from '../clock';

/**
 * Who may see what. A partner sees a person's details only where it registered them or an active consent
 * covers it; it sees a referral only if it sent, received or manages it (the hub).
 */
@Injectable()
export class AccessPolicy {
  constructor(private readonly register: PersonRegister, private readonly clock: Clock) {}

  maySeePerson(actor: Actor, personId: string): boolean {
    const person = this.register.person(personId);
    if (!person) return false;
    if (person.registeredBy === actor.partnerId) return true;
    const consents = this.register.consents(personId);
    const now = this.clock.now();
    return consentCovers(consents, actor.partnerId, now, 'referral') || consentCovers(consents, actor.partnerId, now, 'case-management');
  }

  maySeeReferral(actor: Actor, referral: ReferralRecord): boolean {
    return actor.managesConsortium || this.partiesOf(referral).has(actor.partnerId);
  }

  /** Every partner that sent or received the referral at some point, handoffs and re-routes included. */
  partiesOf(referral: ReferralRecord): Set<string> {
    const parties = new Set<string>([referral.referringPartnerId]);
    if (referral.receivingPartnerId) parties.add(referral.receivingPartnerId);
    for (const entry of referral.history) {
      for (const id of [entry.details.partnerId, entry.details.fromPartnerId, entry.details.toPartnerId]) {
        if (typeof id === 'string') parties.add(id);
      }
    }
    return parties;
  }
}
