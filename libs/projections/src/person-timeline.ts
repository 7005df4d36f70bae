import type { SealedPersonalData } from '@onedoor/domain';
import { ERASED, PersonalDataVault } from '@onedoor/personal-data';
import type { PersonHistoryKind, PersonRegister } from './person-register';
import type { ReferralBook } from './referral-book';

export type TimelineKind = PersonHistoryKind | 'referral' | 'interaction';

export interface TimelineEntry {
  at: string;
  /** Global log position, a stable key and the tie-breaker for entries at the same instant. */
  position: number;
  kind: TimelineKind;
  referralId?: string;
  /** The partner whose staff did it. */
  partnerId: string;
  /** No personal data. */
  summary: string;
  /** Opened free text (an interaction's notes, a referral's summary); ERASED once the person is erased. */
  notes?: string | typeof ERASED;
}

/**
 * Everything that happened for one person, oldest first: registration, consents, every referral event
 * and piece of support. Who may see which entries is decided by the app, not here.
 */
export function personTimeline(personId: string, register: PersonRegister, book: ReferralBook, vault: PersonalDataVault): TimelineEntry[] {
  // Erased shows at once: from the register's record, or from the key already being gone.
  const person = register.person(personId);
  const erased = person?.erasedAt !== undefined;
  const open = (sealed: SealedPersonalData | undefined) => (sealed === undefined ? undefined : erased ? ERASED : vault.open<string>(personId, sealed));
  const entries: TimelineEntry[] = (person?.history ?? []).map((h) => ({
    at: h.at,
    position: h.position,
    kind: h.kind,
    partnerId: h.partnerId,
    summary: h.summary,
  }));
  for (const referral of book.forPerson(personId)) {
    for (const h of referral.history) {
      const interaction = h.type === 'InteractionRecorded' ? referral.interactions.find((i) => i.interactionId === h.details.interactionId) : undefined;
      const notes = open(h.type === 'ReferralCreated' ? referral.summary : interaction?.notes);
      entries.push({
        at: h.at,
        position: h.position,
        kind: h.type === 'InteractionRecorded' ? 'interaction' : 'referral',
        referralId: referral.referralId,
        partnerId: h.by.partnerId,
        summary: h.summary,
        ...(notes !== undefined ? { notes } : {}),
      });
    }
  }
  return entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.position - b.position);
}
