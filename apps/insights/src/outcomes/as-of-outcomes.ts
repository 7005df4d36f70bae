import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@onedoor/event-store';
import { EVENT_STORE } from '@onedoor/platform';
import { OutcomesProjections, logOf } from '@onedoor/projections';

/** How many past moments keep their replayed projections; each holds the log up to its moment, so a few suffice. */
const CACHED_MOMENTS = 8;

interface Entry {
  projections: OutcomesProjections;
  /** Catch-ups run one after another: two at once would apply the same events twice. */
  queue: Promise<unknown>;
}

/**
 * Outcomes as of a past moment, replayed from the log. A moment asked again reuses its projections and
 * only reads what was appended since (most of it is after the moment and skipped), so the answer stays the
 * same and costs little.
 */
@Injectable()
export class AsOfOutcomes {
  private readonly cache = new Map<string, Entry>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async at(asOf: string): Promise<OutcomesProjections> {
    let entry = this.cache.get(asOf);
    if (entry) {
      this.cache.delete(asOf);
    } else {
      entry = { projections: new OutcomesProjections({ asOf }), queue: Promise.resolve() };
      if (this.cache.size >= CACHED_MOMENTS) this.cache.delete(this.cache.keys().next().value!);
    }
    this.cache.set(asOf, entry);
    const { projections } = entry;
    const caughtUp = entry.queue.then(async () => {
      for await (const event of logOf(this.store, projections.position)) projections.apply(event);
    });
    entry.queue = caughtUp.catch(() => undefined);
    await caughtUp;
    return projections;
  }
}
