import type { InteractionKind, OutcomeCode } from '@onedoor/domain';
import type { RecordedEvent } from '@onedoor/event-store';
import { SnapshottedProjection, domainEventOf } from '../projection';
import { mapOf, setOf, snapshotShaped } from '../checkpoints/snapshot-shape';
import { ParsedOnUse } from '../checkpoints/parsed-on-use';
import { Evidence, evidenceOf } from './evidence';

export interface Activity {
  referralId: string;
  kind: InteractionKind;
  /** When the support happened, YYYY-MM-DD. */
  occurredOn: string;
  partnerId: string;
  evidence: Evidence;
}

export interface EmploymentSpell {
  spellId: string;
  startedOn: string;
  endedOn?: string;
  /** The partner that recorded the start: the one the job outcome is credited to. */
  partnerId: string;
  evidence: Evidence;
}

export interface Completion {
  referralId: string;
  partnerId: string;
  outcome: OutcomeCode;
  at: string;
  evidence: Evidence;
}

/** What milestone rules read about one participant. Support on a referral entered in error does not count. */
export interface ParticipantHistory {
  participantId: string;
  activities: Activity[];
  spells: EmploymentSpell[];
  completions: Completion[];
}

/**
 * Each participant's history as milestone rules read it: recorded support, spells in work, completed
 * referrals. A participant is a person with a referral or a spell in work; nothing personal is kept.
 */
interface Participant {
  activities: Activity[];
  spells: EmploymentSpell[];
  completions: Completion[];
}

/** Each participant as JSON text, parsed when first used (ParsedOnUse): support records are most of the outcomes' state. */
interface HistoriesSnapshot {
  people: Map<string, string>;
  personOfReferral: Map<string, string>;
  voided: Set<string>;
}

export class ParticipantHistories implements SnapshottedProjection {
  readonly name = 'participant-histories';
  readonly snapshotVersion: number = 2;
  private people = new ParsedOnUse<Participant>();
  private personOfReferral = new Map<string, string>();
  private voided = new Set<string>();

  apply(recorded: RecordedEvent): void {
    const event = domainEventOf(recorded);
    switch (event.type) {
      case 'ReferralCreated':
        this.personOfReferral.set(event.data.referralId, event.data.personId);
        this.of(event.data.personId);
        return;
      case 'InteractionRecorded': {
        const personId = this.personOfReferral.get(event.data.referralId);
        if (personId === undefined) return;
        const { referralId, kind, occurredOn, partnerId, at } = event.data;
        this.of(personId).activities.push({ referralId, kind, occurredOn: occurredOn.slice(0, 10), partnerId, evidence: evidenceOf(recorded, at) });
        return;
      }
      case 'ReferralCompleted': {
        const personId = this.personOfReferral.get(event.data.referralId);
        if (personId === undefined) return;
        const { referralId, by, outcome, at } = event.data;
        this.of(personId).completions.push({ referralId, partnerId: by.partnerId, outcome: outcome.code, at, evidence: evidenceOf(recorded, at) });
        return;
      }
      case 'ReferralEnteredInError':
        this.voided.add(event.data.referralId);
        return;
      case 'EmploymentStarted': {
        const { personId, spellId, startedOn, partnerId, at } = event.data;
        this.of(personId).spells.push({ spellId, startedOn, partnerId, evidence: evidenceOf(recorded, at) });
        return;
      }
      case 'EmploymentEnded': {
        const spell = this.people.get(event.data.personId)?.spells.find((s) => s.spellId === event.data.spellId);
        if (spell) spell.endedOn = event.data.endedOn;
        return;
      }
    }
  }

  reset(): void {
    this.people.clear();
    this.personOfReferral.clear();
    this.voided.clear();
  }

  snapshot(): HistoriesSnapshot {
    return { people: this.people.saved(), personOfReferral: this.personOfReferral, voided: this.voided };
  }

  restore(state: unknown): void {
    const saved = snapshotShaped<HistoriesSnapshot>(state, this.name, ['people', 'personOfReferral', 'voided']);
    const voided = setOf<string>(saved.voided, this.name, 'voided');
    this.people = ParsedOnUse.restored(mapOf(saved.people, this.name, 'people'));
    this.personOfReferral = mapOf(saved.personOfReferral, this.name, 'personOfReferral');
    this.voided = voided;
  }

  participantIds(): string[] {
    return [...this.people.keys()].sort();
  }

  personOf(referralId: string): string | undefined {
    return this.personOfReferral.get(referralId);
  }

  isVoided(referralId: string): boolean {
    return this.voided.has(referralId);
  }

  history(participantId: string): ParticipantHistory | undefined {
    const entry = this.people.get(participantId);
    if (!entry) return undefined;
    const counts = (r: { referralId: string }) => !this.voided.has(r.referralId);
    return { participantId, activities: entry.activities.filter(counts), spells: entry.spells.map((s) => ({ ...s })), completions: entry.completions.filter(counts) };
  }

  private of(personId: string) {
    let entry = this.people.get(personId);
    if (!entry) this.people.set(personId, (entry = { activities: [], spells: [], completions: [] }));
    return entry;
  }
}
