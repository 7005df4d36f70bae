import type { Actor } from '@onedoor/domain';
import type { RecordedEvent } from '@onedoor/event-store';
import type { ReferralRecord } from '@onedoor/projections';

/**
 * What an open console hears about a committed event: which thing changed and its new version, never what
 * changed. The console reads the thing again through the API, whose access rules decide what it sees, so the
 * live stream can never carry personal details.
 */
export type LiveNotice =
  | { kind: 'referral'; referralId: string; personId: string; status: string; version: number; position: number }
  | { kind: 'person'; personId: string; version: number; position: number }
  | { kind: 'service'; serviceId: string; position: number };

/** The read side a notice is judged against (the read models after the event was applied). */
export interface LiveAudience {
  referral(referralId: string): ReferralRecord | undefined;
  maySeeReferral(actor: Actor, referral: ReferralRecord): boolean;
  maySeePerson(actor: Actor, personId: string): boolean;
}

const REFERRAL_STREAM = 'referral-';
const PERSON_STREAM = 'person-';
const SERVICE_STREAM = 'service-';

/** The notice one viewer may have for this event, or none. */
export function liveNoticeFor(recorded: RecordedEvent, viewer: Actor, audience: LiveAudience): LiveNotice | undefined {
  const { stream, position } = recorded;
  if (stream.startsWith(REFERRAL_STREAM)) {
    const referral = audience.referral(stream.slice(REFERRAL_STREAM.length));
    if (!referral || !audience.maySeeReferral(viewer, referral)) return undefined;
    return { kind: 'referral', referralId: referral.referralId, personId: referral.personId, status: referral.status, version: referral.version, position };
  }
  if (stream.startsWith(PERSON_STREAM)) {
    const personId = stream.slice(PERSON_STREAM.length);
    // Judged after the event: a partner whose consent was just withdrawn hears nothing more about the person.
    if (!audience.maySeePerson(viewer, personId)) return undefined;
    return { kind: 'person', personId, version: recorded.version, position };
  }
  // The directory is shared by every member: capacity and waitlist changes go to all.
  if (stream.startsWith(SERVICE_STREAM)) return { kind: 'service', serviceId: stream.slice(SERVICE_STREAM.length), position };
  return undefined;
}
