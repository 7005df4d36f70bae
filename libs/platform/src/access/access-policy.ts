import { Injectable } from '@nestjs/common';
import { Actor, RuleViolation, consentCovers } from '@onedoor/domain';
import { PersonRecord, PersonRegister, ReferralBook, ReferralRecord } from '@onedoor/projections';
import { Clock } from '../clock';

/**
 * Who may see what. A partner sees a person's details only where it registered them or an active consent
 * covers it; it sees a referral only if it sent, received or manages it (the hub).
 */
@Injectable()
export class AccessPolicy {
  constructor(private readonly register: PersonRegister, private readonly book: ReferralBook, private readonly clock: Clock) {}

  /** The referral, if it exists (else 404) and the caller may see it (else a 403 that says nothing more). */
  visibleReferral(referralId: string, actor: Actor): ReferralRecord {
    const referral = this.book.referral(referralId);
    if (!referral) throw new RuleViolation('referral.not-found', `no referral ${referralId}`, 'not-found');
    if (!this.maySeeReferral(actor, referral)) throw new RuleViolation('referral.not-a-party', 'you may not see this referral', 'forbidden');
    return referral;
  }

  knownPerson(personId: string): PersonRecord {
    const record = this.register.person(personId);
    if (!record) throw new RuleViolation('person.not-found', `no person ${personId}`, 'not-found');
    return record;
  }

  /** The person, if they exist (else 404) and the caller may see them (else a 403 that says nothing more). */
  visiblePerson(personId: string, actor: Actor): PersonRecord {
    const record = this.knownPerson(personId);
    if (!this.maySeePerson(actor, personId)) throw new RuleViolation('person.consent-required', 'consent does not cover your partner for this person', 'forbidden');
    return record;
  }

  /**
   * Possible duplicates as this caller may learn of them: the ids of those it may see, and only a count of the
   * rest (a name and date of birth must not tell an uncovered partner which person id someone has).
   */
  possibleDuplicatesFor(actor: Actor, personIds: string[]): { possibleDuplicateIds: string[]; possibleDuplicatesToCheckWithHub: number } {
    const possibleDuplicateIds = personIds.filter((personId) => this.maySeePerson(actor, personId));
    return { possibleDuplicateIds, possibleDuplicatesToCheckWithHub: personIds.length - possibleDuplicateIds.length };
  }

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
