import type { DomainEvent, PersonEvent, ReferralEvent, SealedPersonalData } from '@onedoor/domain';
import type { RecordedEvent } from '@onedoor/event-store';
import { ERASED, PersonalDataVault } from '@onedoor/personal-data';
import { toDomainEvent } from '@onedoor/platform';
import { mapOf, snapshotShaped } from '@onedoor/projections';
import { CloudEventAttributes, kafkaHeaders, sourceOf } from './cloud-event-headers';
import type { OutboundMessage, PublicationRouter } from './outbound-message';
import { partnerMaySeePerson } from './person-sight';
import { PERSON_DETAILS_TYPE, PERSON_ERASED_TYPE, publicEventFor } from './public-events';
import { referralBody, sealedPersonalFieldOf } from './public-bodies';
import { PersonFacts, ReferralFacts, evolveReferral, partiesOf, referralFactsOf } from './publication-facts';
import { topics } from './topics';

export interface PartnerStreamRouterOptions {
  consortiumId: string;
  /** Opens sealed personal fields for the partners whose consent allows them. */
  vault: PersonalDataVault;
}

interface RouterSnapshot {
  last: number;
  referrals: Map<string, ReferralFacts>;
  people: Map<string, PersonFacts>;
}

/** The router was fed an event out of order or twice: its memory of parties and consent would be wrong. */
export class RouterOutOfOrderError extends Error {
  constructor(last: number, given: number) {
    super(`the partner-stream router was at position ${last} and was given position ${given}; feed it every event once, in order`);
    this.name = 'RouterOutOfOrderError';
  }
}

/**
 * What every committed event becomes on the partner streams (see libs/messaging/README.md):
 * - referral events go to the hub topic (no personal data) and to the topic of each party: the referring
 *   partner and the receiving one, and, for the event that moves a referral away from a partner (re-route,
 *   handoff, reassignment), that partner too, for the last time;
 * - a party's copy carries `personal` (summary, notes) only while the person's consent covers that partner;
 * - each party's keyed per-person topic holds the person's details while it may see them, and gets a
 *   tombstone when it no longer may (consent withdrawn or expired — ConsentExpired — or the person erased);
 * - erasure sends `person.erased` to the hub and to every partner whose topic ever carried the person.
 */
export class PartnerStreamRouter implements PublicationRouter {
  /** Bump when what `snapshot()` holds changes: an older checkpoint then means routing the whole log again. */
  readonly snapshotVersion: number = 1;
  private referrals = new Map<string, ReferralFacts>();
  private people = new Map<string, PersonFacts>();
  private readonly source: string;
  private last = 0;

  constructor(private readonly options: PartnerStreamRouterOptions) {
    this.source = sourceOf(options.consortiumId);
  }

  /** What the router has learnt, for a checkpoint: parties, consents and sealed details only (nothing opened). */
  snapshot(): RouterSnapshot {
    return { last: this.last, referrals: this.referrals, people: this.people };
  }

  /** Takes back a snapshot: the next event routed must be the one after its position. */
  restore(state: unknown): void {
    const saved = snapshotShaped<RouterSnapshot>(state, 'partner-stream-router', ['last', 'referrals', 'people']);
    if (typeof saved.last !== 'number') throw new TypeError('partner-stream-router: the snapshot has no position');
    this.referrals = mapOf(saved.referrals, 'partner-stream-router', 'referrals');
    this.people = mapOf(saved.people, 'partner-stream-router', 'people');
    this.last = saved.last;
  }

  route(recorded: RecordedEvent): OutboundMessage[] {
    if (recorded.position <= this.last) throw new RouterOutOfOrderError(this.last, recorded.position);
    this.last = recorded.position;
    const event = toDomainEvent(recorded) as DomainEvent;
    switch (event.type) {
      case 'PersonRegistered':
        this.people.set(event.data.personId, {
          personId: event.data.personId, registeredBy: event.data.registeredBy, consents: [], details: event.data.personal,
          erased: false, audience: new Set(), detailsHeldBy: new Set(),
        });
        return [];
      case 'PersonDetailsCorrected':
      case 'ConsentGiven':
      case 'ConsentWithdrawn':
      case 'ConsentExpired':
      case 'PersonErased':
        return this.routePersonEvent(event, recorded);
      case 'ReferralCreated':
      case 'ReferralRouted':
      case 'ReferralAccepted':
      case 'ReferralRejected':
      case 'ReferralStarted':
      case 'ReferralPutOnHold':
      case 'ReferralResumed':
      case 'ReferralCompleted':
      case 'ReferralFailed':
      case 'ReferralCancelled':
      case 'ReferralEnteredInError':
      case 'ReferralHandedOff':
      case 'ReferralReassigned':
      case 'InteractionRecorded':
        return this.routeReferralEvent(event, recorded);
      default:
        // Consortium and service events are not partner-stream events: the directory publishes them.
        return [];
    }
  }

  private routeReferralEvent(event: ReferralEvent, recorded: RecordedEvent): OutboundMessage[] {
    const before = event.type === 'ReferralCreated' ? undefined : this.referrals.get(event.data.referralId);
    if (!before && event.type !== 'ReferralCreated') return []; // an event of a referral never created: nothing to say
    const referral = before ? evolveReferral(before, event) : referralFactsOf(event as Extract<ReferralEvent, { type: 'ReferralCreated' }>);
    this.referrals.set(referral.referralId, referral);
    const person = this.people.get(referral.personId);
    const audience = [...new Set([...(before ? partiesOf(before) : []), ...partiesOf(referral)])];
    const definition = publicEventFor(event.type)!;
    const body = referralBody(event, referral);
    const attributes = this.attributes(recorded, definition.type, referral.referralId, event.data.at);
    const personalField = sealedPersonalFieldOf(event, referral);
    let opened: unknown;
    const personalFor = (partnerId: string) => {
      if (!person || !personalField || !this.maySee(person, partnerId, event.data.at)) return undefined;
      opened ??= this.open(person.personId, personalField.sealed);
      return opened === undefined ? undefined : { [personalField.name]: opened };
    };

    const messages = [this.message(recorded, topics.hub(this.options.consortiumId), null, referral.referralId, attributes, body)];
    if (person) {
      audience.forEach((partnerId) => person.audience.add(partnerId));
      // Details first, so a consumer of both topics knows the person before the referral that names them.
      messages.push(...this.syncDetails(person, recorded, event.data.at, false));
    }
    for (const partnerId of audience) {
      const personal = personalFor(partnerId);
      messages.push(this.message(recorded, topics.partner(this.options.consortiumId, partnerId), partnerId, referral.referralId, attributes, personal ? { ...body, personal } : body));
    }
    return messages;
  }

  private routePersonEvent(event: Exclude<PersonEvent, { type: 'PersonRegistered' }>, recorded: RecordedEvent): OutboundMessage[] {
    const person = this.people.get(event.data.personId);
    if (!person) return [];
    switch (event.type) {
      case 'PersonDetailsCorrected':
        person.details = event.data.personal;
        return this.syncDetails(person, recorded, event.data.correctedAt, true);
      case 'ConsentGiven': {
        const { personId, ...consent } = event.data;
        person.consents.push(consent);
        return this.syncDetails(person, recorded, consent.givenAt, false);
      }
      case 'ConsentWithdrawn':
        person.consents = person.consents.map((c) => (c.consentId === event.data.consentId ? { ...c, withdrawnAt: event.data.withdrawnAt } : c));
        return this.syncDetails(person, recorded, event.data.withdrawnAt, false);
      case 'ConsentExpired':
        // Like a withdrawal, at the consent's own expiry (not when it was noticed), so a replay says the same.
        person.consents = person.consents.map((c) => (c.consentId === event.data.consentId ? { ...c, expiredAt: event.data.expiredAt } : c));
        return this.syncDetails(person, recorded, event.data.expiredAt, false);
      case 'PersonErased':
        return this.erase(person, recorded, event.data.erasedAt);
    }
  }

  /**
   * Brings each partner's per-person topic in line with what it may see now: details where it newly may (or
   * they changed), a tombstone where it no longer may (after a withdrawal, a recorded expiry, or any later
   * event once a consent has lapsed by time).
   */
  private syncDetails(person: PersonFacts, recorded: RecordedEvent, at: string, changed: boolean): OutboundMessage[] {
    const messages: OutboundMessage[] = [];
    const attributes = this.attributes(recorded, PERSON_DETAILS_TYPE, person.personId, at);
    let details: unknown;
    for (const partnerId of new Set([...person.audience, ...person.detailsHeldBy])) {
      const topic = topics.partnerPeople(this.options.consortiumId, partnerId);
      const held = person.detailsHeldBy.has(partnerId);
      if (person.audience.has(partnerId) && this.maySee(person, partnerId, at)) {
        if (held && !changed) continue;
        details ??= this.open(person.personId, person.details);
        if (details === undefined) continue;
        person.detailsHeldBy.add(partnerId);
        messages.push(this.message(recorded, topic, partnerId, person.personId, { ...attributes, id: `${recorded.id}:details` }, { personId: person.personId, occurredAt: at, personal: details }));
      } else if (held) {
        person.detailsHeldBy.delete(partnerId);
        messages.push(this.message(recorded, topic, partnerId, person.personId, { ...attributes, id: `${recorded.id}:forget` }, null));
      }
    }
    return messages;
  }

  private erase(person: PersonFacts, recorded: RecordedEvent, at: string): OutboundMessage[] {
    person.erased = true;
    const notice = this.attributes(recorded, PERSON_ERASED_TYPE, person.personId, at);
    const body = { personId: person.personId, occurredAt: at };
    const messages = [this.message(recorded, topics.hub(this.options.consortiumId), null, person.personId, notice, body)];
    for (const partnerId of person.audience) {
      messages.push(this.message(recorded, topics.partner(this.options.consortiumId, partnerId), partnerId, person.personId, notice, body));
    }
    messages.push(...this.syncDetails(person, recorded, at, false));
    return messages;
  }

  private maySee(person: PersonFacts, partnerId: string, at: string): boolean {
    return !person.erased && partnerMaySeePerson(person, partnerId, at);
  }

  /** The opened value, or undefined once the person's key is gone (erased: never publish `[erased]` as data). */
  private open(personId: string, sealed: SealedPersonalData): unknown {
    const value = this.options.vault.open<unknown>(personId, sealed);
    return value === ERASED ? undefined : value;
  }

  private attributes(recorded: RecordedEvent, type: string, subject: string, time: string): CloudEventAttributes {
    return { id: recorded.id, source: this.source, type, subject, time, position: recorded.position };
  }

  private message(recorded: RecordedEvent, topic: string, partnerId: string | null, key: string, attributes: CloudEventAttributes, body: object | null): OutboundMessage {
    return {
      position: recorded.position,
      eventId: recorded.id,
      topic,
      partnerId,
      key,
      headers: kafkaHeaders(attributes, body !== null),
      value: body === null ? null : Buffer.from(JSON.stringify(body)),
    };
  }
}
