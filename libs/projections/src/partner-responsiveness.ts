import type { RecordedEvent } from '@onedoor/event-store';
import { SnapshottedProjection, domainEventOf } from './projection';
import { mapOf, snapshotShaped } from './checkpoints/snapshot-shape';

/** How a partner answered the referrals routed to it over a window (the last 90 days unless asked otherwise). */
export interface Responsiveness {
  /** Accepted and rejected referrals answered in the window. */
  answered: number;
  accepted: number;
  /** accepted / (accepted + rejected); undefined when nothing was answered. */
  acceptanceRate?: number;
  /** Median hours from routed to accepted; undefined when nothing was accepted. */
  medianHoursToAccept?: number;
}

interface Answer {
  at: number;
  /** Hours from routed to accepted; undefined for a rejection. */
  hoursToAccept?: number;
}

interface Awaiting {
  partnerId: string;
  routedAt: number;
}

export const RESPONSIVENESS_WINDOW_DAYS = 90;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Each partner's answers to the referrals routed to it, from the referral events: when it accepted (and
 * how long after routing) or rejected. Handoffs and reassignments are not answers to a routing, so they
 * do not count; a re-routed referral counts again for the partner it went to.
 */
export class PartnerResponsiveness implements SnapshottedProjection {
  readonly name = 'partner-responsiveness';
  readonly snapshotVersion: number = 1;
  /** Referral → the partner it is waiting on and when it was routed there. */
  private awaiting = new Map<string, Awaiting>();
  /** Partner → its answers, in log order (which is time order). */
  private answers = new Map<string, Answer[]>();

  apply(recorded: RecordedEvent): void {
    const event = domainEventOf(recorded);
    switch (event.type) {
      case 'ReferralRouted':
        this.awaiting.set(event.data.referralId, { partnerId: event.data.partnerId, routedAt: Date.parse(event.data.at) });
        return;
      case 'ReferralAccepted':
      case 'ReferralRejected': {
        const waiting = this.awaiting.get(event.data.referralId);
        if (!waiting) return;
        this.awaiting.delete(event.data.referralId);
        const at = Date.parse(event.data.at);
        const answer: Answer = event.type === 'ReferralAccepted' ? { at, hoursToAccept: (at - waiting.routedAt) / HOUR } : { at };
        const list = this.answers.get(waiting.partnerId) ?? [];
        list.push(answer);
        this.answers.set(waiting.partnerId, list);
        return;
      }
      case 'ReferralCancelled':
      case 'ReferralEnteredInError':
        this.awaiting.delete(event.data.referralId);
        return;
      case 'ReferralReassigned':
        // The successor now owes the answer, from when the referral was first routed.
        if (event.data.side === 'receiving') {
          const waiting = this.awaiting.get(event.data.referralId);
          if (waiting) waiting.partnerId = event.data.toPartnerId;
        }
        return;
    }
  }

  reset(): void {
    this.awaiting.clear();
    this.answers.clear();
  }

  snapshot(): { awaiting: Map<string, Awaiting>; answers: Map<string, Answer[]> } {
    return { awaiting: this.awaiting, answers: this.answers };
  }

  restore(state: unknown): void {
    const saved = snapshotShaped<{ awaiting: unknown; answers: unknown }>(state, this.name, ['awaiting', 'answers']);
    this.awaiting = mapOf(saved.awaiting, this.name, 'awaiting');
    this.answers = mapOf(saved.answers, this.name, 'answers');
  }

  /** The partner's answers within `days` up to `now`. */
  of(partnerId: string, now: string, days = RESPONSIVENESS_WINDOW_DAYS): Responsiveness {
    const end = Date.parse(now);
    const start = end - days * DAY;
    const inWindow = (this.answers.get(partnerId) ?? []).filter((a) => a.at > start && a.at <= end);
    const hours = inWindow.flatMap((a) => (a.hoursToAccept !== undefined ? [a.hoursToAccept] : [])).sort((a, b) => a - b);
    return {
      answered: inWindow.length,
      accepted: hours.length,
      ...(inWindow.length ? { acceptanceRate: hours.length / inWindow.length } : {}),
      ...(hours.length ? { medianHoursToAccept: median(hours) } : {}),
    };
  }
}

function median(sorted: number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
