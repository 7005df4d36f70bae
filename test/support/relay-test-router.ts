import type { RecordedEvent } from '@onedoor/event-store';
import type { OutboundMessage, PublicationRouter } from '@onedoor/messaging';

/**
 * A stand-in PublicationRouter for the relay's own tests: each event becomes one message on one topic,
 * keyed by its stream (as the real router keys by referral id). The relay's contract is to deliver exactly
 * what a router says, in order, at least once, so this is enough to hold it to that. It records every
 * event it was fed, to check that a resuming relay replays the log from position 1. The benchmark uses it
 * too: its records carry the event's data, as large as a real router's.
 */
export class RelayTestRouter implements PublicationRouter {
  readonly fed: number[] = [];

  constructor(private readonly topic: string, private readonly extraHeaders: Record<string, string> = {}) {}

  route(event: RecordedEvent): OutboundMessage[] {
    this.fed.push(event.position);
    return [
      {
        position: event.position,
        eventId: event.id,
        topic: this.topic,
        partnerId: null,
        key: event.stream,
        headers: { ce_id: event.id, ce_specversion: '1.0', ce_type: event.type, ce_source: 'onedoor-test', 'content-type': 'application/json', ...this.extraHeaders },
        value: Buffer.from(JSON.stringify({ position: event.position, stream: event.stream, data: event.data })),
      },
    ];
  }
}
