import { Consent, ConsentScope, PersonEvent, PersonState, PersonalDetails, SealedPersonalData, initialPersonState, personDecider } from '@onedoor/domain';
import type { RecordedEvent } from '@onedoor/event-store';
import { ERASED, PersonalDataVault } from '@onedoor/personal-data';
import { SnapshottedProjection, domainEventOf } from './projection';
import { mapOf, snapshotShaped } from './checkpoints/snapshot-shape';
import { normalisedText } from './normalised-text';
import { PersonNameIndex, PersonSearchHit } from './person-name-index';

export type PersonHistoryKind = 'registered' | 'details-corrected' | 'consent-given' | 'consent-withdrawn' | 'consent-expired' | 'erased';

/** What happened to a person's record; no personal data, so it outlives erasure. */
export interface PersonHistoryEntry {
  position: number;
  at: string;
  kind: PersonHistoryKind;
  /** The partner whose staff did it; for an expiry (nobody acted), the partner that recorded the consent. */
  partnerId: string;
  consentId?: string;
  summary: string;
}

export interface PersonRecord {
  personId: string;
  registeredBy: string;
  registeredAt: string;
  /** The sealed PersonalDetails, latest of registration and corrections; open with `details()`. */
  personal: SealedPersonalData;
  detailsUpdatedAt: string;
  consents: Consent[];
  erasedAt?: string;
  /** The person stream's version after its latest event: the ETag / If-Match value. */
  version: number;
  history: PersonHistoryEntry[];
}

/** A consent whose expiry is set but whose lapse is not yet recorded. Ids only. */
export interface PendingConsentExpiry {
  personId: string;
  consentId: string;
  expiresAt: string;
}

interface Entry {
  state: PersonState;
  record: PersonRecord;
}

/** What a checkpoint keeps: sealed records and ids only. The name indexes hold plaintext, so they are rebuilt. */
interface RegisterSnapshot {
  people: Map<string, Entry>;
  pendingExpiry: Map<string, PendingConsentExpiry>;
}

/**
 * Everyone registered at the front door, their consents, and a duplicate check on name and date of
 * birth. Details stay sealed here and are opened per query, so an erasure shows at once everywhere.
 */
export class PersonRegister implements SnapshottedProjection {
  readonly name = 'person-register';
  readonly snapshotVersion: number = 1;
  private people = new Map<string, Entry>();
  /** Normalised name + date of birth → people, for the duplicate check without opening every record. */
  private readonly byNameAndBirth = new Map<string, Set<string>>();
  private readonly keyOfPerson = new Map<string, string>();
  /** `personId consentId` → consents still to lapse, so the expiry process need not scan everyone. */
  private pendingExpiry = new Map<string, PendingConsentExpiry>();
  private readonly names = new PersonNameIndex();

  constructor(private readonly vault: PersonalDataVault) {}

  apply(recorded: RecordedEvent): void {
    const event = domainEventOf(recorded);
    const history = (kind: PersonHistoryKind, at: string, partnerId: string, summary: string, consentId?: string): PersonHistoryEntry => ({
      position: recorded.position,
      at,
      kind,
      partnerId,
      ...(consentId !== undefined ? { consentId } : {}),
      summary,
    });
    switch (event.type) {
      case 'PersonRegistered': {
        const { personId, registeredBy, registeredAt, personal } = event.data;
        const record: PersonRecord = {
          personId,
          registeredBy,
          registeredAt,
          personal,
          detailsUpdatedAt: registeredAt,
          consents: [],
          version: recorded.version,
          history: [history('registered', registeredAt, registeredBy, `Registered by partner ${registeredBy}`)],
        };
        this.people.set(personId, { state: personDecider.evolve(initialPersonState, event), record });
        this.index(personId, personal);
        return;
      }
      case 'PersonDetailsCorrected': {
        const entry = this.evolve(event, recorded.version);
        if (!entry) return;
        entry.record.personal = event.data.personal;
        entry.record.detailsUpdatedAt = event.data.correctedAt;
        entry.record.history.push(history('details-corrected', event.data.correctedAt, event.data.correctedBy, `Details corrected by partner ${event.data.correctedBy}`));
        this.index(event.data.personId, event.data.personal);
        return;
      }
      case 'ConsentGiven': {
        const entry = this.evolve(event, recorded.version);
        const { consentId, scope, purposes, givenAt, expiresAt, recordedBy } = event.data;
        const until = expiresAt ? ` until ${expiresAt}` : '';
        if (entry && expiresAt) this.pendingExpiry.set(expiryKey(event.data.personId, consentId), { personId: event.data.personId, consentId, expiresAt });
        entry?.record.history.push(history('consent-given', givenAt, recordedBy, `Consent given to ${scopeText(scope)} for ${purposes.join(', ')}${until}`, consentId));
        return;
      }
      case 'ConsentWithdrawn': {
        const entry = this.evolve(event, recorded.version);
        const { consentId, withdrawnAt, recordedBy } = event.data;
        this.pendingExpiry.delete(expiryKey(event.data.personId, consentId));
        entry?.record.history.push(history('consent-withdrawn', withdrawnAt, recordedBy, 'Consent withdrawn', consentId));
        return;
      }
      case 'ConsentExpired': {
        const entry = this.evolve(event, recorded.version);
        const { consentId, expiredAt } = event.data;
        this.pendingExpiry.delete(expiryKey(event.data.personId, consentId));
        const consent = entry?.record.consents.find((c) => c.consentId === consentId);
        entry?.record.history.push(history('consent-expired', expiredAt, consent?.recordedBy ?? '', `Consent ${consentId} expired`, consentId));
        return;
      }
      case 'PersonErased': {
        const entry = this.evolve(event, recorded.version);
        if (!entry) return;
        entry.record.erasedAt = event.data.erasedAt;
        for (const c of entry.record.consents) this.pendingExpiry.delete(expiryKey(event.data.personId, c.consentId));
        entry.record.history.push(history('erased', event.data.erasedAt, event.data.erasedBy, `Personal details erased by partner ${event.data.erasedBy}`));
        this.unindex(event.data.personId);
        return;
      }
    }
  }

  reset(): void {
    this.people.clear();
    this.byNameAndBirth.clear();
    this.keyOfPerson.clear();
    this.pendingExpiry.clear();
    this.names.clear();
  }

  snapshot(): RegisterSnapshot {
    return { people: this.people, pendingExpiry: this.pendingExpiry };
  }

  /**
   * Takes back the sealed records and rebuilds the duplicate and name indexes by opening each person's details,
   * as a replay would: a person erased (or whose key was destroyed) since is left out.
   */
  restore(state: unknown): void {
    const saved = snapshotShaped<RegisterSnapshot>(state, this.name, ['people', 'pendingExpiry']);
    const people = mapOf<string, Entry>(saved.people, this.name, 'people');
    const pendingExpiry = mapOf<string, PendingConsentExpiry>(saved.pendingExpiry, this.name, 'pendingExpiry');
    this.reset();
    this.people = people;
    this.pendingExpiry = pendingExpiry;
    for (const { record } of people.values()) if (record.erasedAt === undefined) this.index(record.personId, record.personal);
  }

  /** The raw record, details still sealed. */
  person(personId: string): PersonRecord | undefined {
    const record = this.people.get(personId)?.record;
    return record && { ...record, consents: record.consents.map((c) => ({ ...c })), history: [...record.history] };
  }

  /** The opened details; ERASED once the person is erased; undefined for an unknown person. */
  details(personId: string): PersonalDetails | typeof ERASED | undefined {
    const record = this.people.get(personId)?.record;
    if (!record) return undefined;
    if (record.erasedAt !== undefined) return ERASED;
    return this.vault.open<PersonalDetails>(personId, record.personal);
  }

  /** Just the name, for lists; ERASED once erased; undefined for an unknown person. */
  nameOf(personId: string): { givenName: string; familyName: string } | typeof ERASED | undefined {
    const details = this.details(personId);
    return details === ERASED || details === undefined ? details : { givenName: details.givenName, familyName: details.familyName };
  }

  /** Every consent recorded, withdrawn ones included (check with the domain's `consentCovers`). */
  consents(personId: string): Consent[] {
    return (this.people.get(personId)?.record.consents ?? []).map((c) => ({ ...c }));
  }

  /** Everyone erased, so a start-up check can finish an erasure whose key was not yet destroyed. */
  erasedPersonIds(): string[] {
    return [...this.people.values()].filter((e) => e.record.erasedAt !== undefined).map((e) => e.record.personId).sort();
  }

  /**
   * Consents that carry an expiry not yet recorded as lapsed (withdrawn ones and erased people's left out),
   * soonest first; with `dueAt`, only those whose expiry is at or before it.
   */
  pendingExpiries(dueAt?: string): PendingConsentExpiry[] {
    const all = [...this.pendingExpiry.values()].sort((a, b) => Date.parse(a.expiresAt) - Date.parse(b.expiresAt));
    return dueAt === undefined ? all : all.filter((p) => Date.parse(p.expiresAt) <= Date.parse(dueAt));
  }

  /** People already registered with these names and date of birth, ignoring case, accents and spacing. */
  possibleDuplicates(givenName: string, familyName: string, dateOfBirth: string): string[] {
    const ids = this.byNameAndBirth.get(duplicateKey(givenName, familyName, dateOfBirth)) ?? new Set<string>();
    return [...ids].filter((id) => this.people.get(id)?.record.erasedAt === undefined && !this.vault.isErased(id)).sort();
  }

  /** People whose name matches what was typed (see PersonNameIndex); erased people are never found. */
  search(text: string, options: { dateOfBirth?: string; limit: number; mayShow: (personId: string) => boolean }): { hits: PersonSearchHit[]; more: boolean } {
    // The key goes before the erasure event: a shredded person is never found, even in that moment.
    return this.names.search(text, { ...options, mayShow: (id) => !this.vault.isErased(id) && options.mayShow(id) });
  }

  private evolve(event: PersonEvent, version: number): Entry | undefined {
    const entry = this.people.get(event.data.personId);
    if (!entry) return undefined;
    entry.state = personDecider.evolve(entry.state, event);
    entry.record.consents = entry.state.consents;
    entry.record.version = version;
    return entry;
  }

  private index(personId: string, personal: SealedPersonalData): void {
    this.unindex(personId);
    const details = this.vault.open<PersonalDetails>(personId, personal);
    // An erased person (key already gone, e.g. on a rebuild) is never a duplicate candidate.
    if (details === ERASED) return;
    const key = duplicateKey(details.givenName, details.familyName, details.dateOfBirth);
    this.keyOfPerson.set(personId, key);
    const ids = this.byNameAndBirth.get(key) ?? new Set<string>();
    this.byNameAndBirth.set(key, ids.add(personId));
    this.names.set({ personId, givenName: details.givenName, familyName: details.familyName, dateOfBirth: details.dateOfBirth, ...(details.postcode ? { postcode: details.postcode } : {}) });
  }

  private unindex(personId: string): void {
    this.names.delete(personId);
    const key = this.keyOfPerson.get(personId);
    if (key === undefined) return;
    this.keyOfPerson.delete(personId);
    const ids = this.byNameAndBirth.get(key);
    ids?.delete(personId);
    if (ids?.size === 0) this.byNameAndBirth.delete(key);
  }
}

function expiryKey(personId: string, consentId: string): string {
  return `${personId} ${consentId}`;
}

function duplicateKey(givenName: string, familyName: string, dateOfBirth: string): string {
  return [normalisedText(givenName), normalisedText(familyName), dateOfBirth.trim()].join('|');
}

function scopeText(scope: ConsentScope): string {
  return scope.kind === 'consortium' ? 'the whole consortium' : `partner${scope.partnerIds.length > 1 ? 's' : ''} ${scope.partnerIds.join(', ')}`;
}
