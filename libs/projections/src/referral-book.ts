import { ReferralEvent, ReferralState, initialReferralState, isOpen, referralDecider } from '@onedoor/domain';
import type { RecordedEvent } from '@onedoor/event-store';
import { ERASED, PersonalDataVault } from '@onedoor/personal-data';
import { SnapshottedProjection, domainEventOf } from './projection';
import { mapOf, setOf, snapshotShaped } from './checkpoints/snapshot-shape';
import { ParsedOnUse } from './checkpoints/parsed-on-use';
import { historyEntryOf, isReferralEvent } from './referral-history';
import type { InteractionRecord, ReferralRecord } from './referral-record';
import { Worklist, WorklistQuery, worklistOf } from './worklist';

interface Entry {
  state: ReferralState;
  record: ReferralRecord;
}

/**
 * Free text in the records stays sealed, so the whole book can be saved as it is. Each referral is saved as its
 * own JSON text (ParsedOnUse): at a million events, decoding every referral's history up front was most of a restart.
 */
interface BookSnapshot {
  referrals: Map<string, string>;
  byPartner: Map<string, Set<string>>;
  byPerson: Map<string, Set<string>>;
  erasedPeople: Set<string>;
  openIds: Set<string>;
}

/**
 * Every referral with its history and recorded support, and each partner's worklist. Status and
 * parties come from folding with the referral decider, so the book agrees with the command side.
 * Free text stays sealed and opens per query.
 */
export class ReferralBook implements SnapshottedProjection {
  readonly name = 'referral-book';
  readonly snapshotVersion: number = 3;
  /** An entry restored from a checkpoint stays JSON text until it is first used. */
  private referrals = new ParsedOnUse<Entry>();
  /** Referrals each partner is a current party to (referring or receiving): worklists never scan the book. */
  private byPartner = new Map<string, Set<string>>();
  private byPerson = new Map<string, Set<string>>();
  /** Erased people: their text reads as erased even before the key store catches up. */
  private erasedPeople = new Set<string>();
  /** Open referrals (requested, accepted, in progress, on hold): start-up sweeps read these, not every referral. */
  private openIds = new Set<string>();

  constructor(private readonly vault: PersonalDataVault) {}

  apply(recorded: RecordedEvent): void {
    const event = domainEventOf(recorded);
    if (event.type === 'PersonErased') {
      this.erasedPeople.add(event.data.personId);
      return;
    }
    if (!isReferralEvent(event)) return;
    if (event.type === 'ReferralCreated') return this.create(recorded, event);

    const entry = this.referrals.get(event.data.referralId);
    if (!entry) return;
    const { record } = entry;
    const partiesBefore = partiesOf(record);
    entry.state = referralDecider.evolve(entry.state, event);
    record.status = entry.state.status;
    record.referringPartnerId = entry.state.referringPartnerId!;
    record.receivingPartnerId = entry.state.receivingPartnerId;
    record.serviceId = entry.state.serviceId;
    record.respondBy = entry.state.respondBy;
    record.firstRespondedAt = entry.state.firstRespondedAt;
    record.updatedAt = event.data.at;
    record.version = recorded.version;
    record.history.push(historyEntryOf(recorded.position, event));
    switch (event.type) {
      case 'ReferralRouted':
        record.waitlisted = event.data.waitlisted;
        break;
      case 'ReferralHandedOff':
        // The new partner takes accepted work; it is no longer waiting on a list.
        record.waitlisted = false;
        break;
      case 'ReferralRejected':
      case 'ReferralPutOnHold':
      case 'ReferralFailed':
      case 'ReferralCancelled':
      case 'ReferralEnteredInError':
        record.lastReason = { ...event.data.reason };
        break;
      case 'ReferralCompleted':
        record.outcome = { ...event.data.outcome };
        break;
      case 'InteractionRecorded': {
        const { interactionId, kind, occurredOn, partnerId, notes, at } = event.data;
        record.interactions.push({ interactionId, kind, occurredOn, partnerId, recordedAt: at, ...(notes ? { notes } : {}) });
        break;
      }
    }
    this.reindex(record.referralId, partiesBefore, partiesOf(record));
    if (isOpen(record.status)) this.openIds.add(record.referralId);
    else this.openIds.delete(record.referralId);
  }

  reset(): void {
    this.referrals.clear();
    this.byPartner.clear();
    this.byPerson.clear();
    this.erasedPeople.clear();
    this.openIds.clear();
  }

  snapshot(): BookSnapshot {
    return { referrals: this.referrals.saved(), byPartner: this.byPartner, byPerson: this.byPerson, erasedPeople: this.erasedPeople, openIds: this.openIds };
  }

  restore(state: unknown): void {
    const saved = snapshotShaped<BookSnapshot>(state, this.name, ['referrals', 'byPartner', 'byPerson', 'erasedPeople', 'openIds']);
    this.openIds = setOf(saved.openIds, this.name, 'openIds');
    this.referrals = ParsedOnUse.restored(mapOf(saved.referrals, this.name, 'referrals'));
    this.byPartner = mapOf(saved.byPartner, this.name, 'byPartner');
    this.byPerson = mapOf(saved.byPerson, this.name, 'byPerson');
    this.erasedPeople = setOf(saved.erasedPeople, this.name, 'erasedPeople');
  }

  referral(referralId: string): ReferralRecord | undefined {
    const record = this.referrals.get(referralId)?.record;
    return record && copyOf(record);
  }

  /** Every referral, oldest first (analyst exports; the API always asks by partner, person or id). */
  all(): ReferralRecord[] {
    return [...this.referrals.keys()].map((id) => copyOf(this.referrals.get(id)!.record)).sort(byCreation);
  }

  /** Open referrals (requested, accepted, in progress, on hold), oldest first: only these are parsed after a restore. */
  openReferrals(): ReferralRecord[] {
    return this.recordsOf(this.openIds).sort(byCreation);
  }

  /** The person's referrals, oldest first. */
  forPerson(personId: string): ReferralRecord[] {
    return this.recordsOf(this.byPerson.get(personId)).sort(byCreation);
  }

  /** The referral's free-text summary, opened; ERASED once the person is erased. */
  summary(referral: Pick<ReferralRecord, 'personId' | 'summary'>): string | typeof ERASED | undefined {
    return referral.summary && this.open(referral.personId, referral.summary);
  }

  /** An interaction's notes, opened; ERASED once the person is erased. */
  notes(referral: Pick<ReferralRecord, 'personId'>, interaction: Pick<InteractionRecord, 'notes'>): string | typeof ERASED | undefined {
    return interaction.notes && this.open(referral.personId, interaction.notes);
  }

  /**
   * What a leaving partner would orphan: open referrals on either side, plus drafts and rejected
   * referrals it sent (nobody else would re-route them). The same set the domain reassigns.
   */
  openReferralIdsOf(partnerId: string): string[] {
    return this.recordsOf(this.byPartner.get(partnerId))
      .filter((r) => isOpen(r.status) || (r.referringPartnerId === partnerId && (r.status === 'draft' || r.status === 'rejected')))
      .map((r) => r.referralId)
      .sort();
  }

  worklist(partnerId: string, query: WorklistQuery): Worklist {
    const ids = this.byPartner.get(partnerId) ?? [];
    return worklistOf(partnerId, [...ids].map((id) => this.referrals.get(id)!.record), query);
  }

  private create(recorded: RecordedEvent, event: Extract<ReferralEvent, { type: 'ReferralCreated' }>): void {
    const { referralId, personId, referringPartnerId, needs, urgency, summary, at } = event.data;
    const record: ReferralRecord = {
      referralId,
      personId,
      status: 'draft',
      referringPartnerId,
      needs: [...needs],
      urgency,
      ...(summary ? { summary } : {}),
      createdAt: at,
      updatedAt: at,
      waitlisted: false,
      version: recorded.version,
      history: [historyEntryOf(recorded.position, event)],
      interactions: [],
    };
    this.referrals.set(referralId, { state: referralDecider.evolve(initialReferralState, event), record });
    addTo(this.byPerson, personId, referralId);
    this.reindex(referralId, [], partiesOf(record));
  }

  private reindex(referralId: string, before: string[], after: string[]): void {
    before.filter((p) => !after.includes(p)).forEach((p) => removeFrom(this.byPartner, p, referralId));
    after.forEach((p) => addTo(this.byPartner, p, referralId));
  }

  private recordsOf(ids: Set<string> | undefined): ReferralRecord[] {
    return [...(ids ?? [])].map((id) => copyOf(this.referrals.get(id)!.record));
  }

  private open(personId: string, sealed: NonNullable<ReferralRecord['summary']>): string | typeof ERASED {
    if (this.erasedPeople.has(personId)) return ERASED;
    return this.vault.open<string>(personId, sealed);
  }
}

function partiesOf(record: ReferralRecord): string[] {
  return record.receivingPartnerId !== undefined ? [record.referringPartnerId, record.receivingPartnerId] : [record.referringPartnerId];
}

function addTo(index: Map<string, Set<string>>, key: string, id: string): void {
  const ids = index.get(key) ?? new Set<string>();
  index.set(key, ids.add(id));
}

function removeFrom(index: Map<string, Set<string>>, key: string, id: string): void {
  const ids = index.get(key);
  ids?.delete(id);
  if (ids?.size === 0) index.delete(key);
}

/** Callers get their own arrays: a query result mutated by a caller must not rewrite the book. */
function copyOf(record: ReferralRecord): ReferralRecord {
  return { ...record, needs: [...record.needs], history: [...record.history], interactions: [...record.interactions] };
}

const byCreation = (a: ReferralRecord, b: ReferralRecord) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.referralId.localeCompare(b.referralId);
