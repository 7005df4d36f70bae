import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import type { Actor } from '@onedoor/domain';
import { AccessPolicy, CommittedEvent } from '@onedoor/platform';
import { ProjectionRunner, ReferralBook } from '@onedoor/projections';
import { LiveAudience, LiveNotice, liveNoticeFor } from './live-notice';

export interface LiveListener {
  actor: Actor;
  send(notice: LiveNotice): void;
  close(): void;
}

/**
 * Fans committed events out to open consoles, each filtered by the same access rules as the API. A notice is
 * sent once the read models have applied the event, so the console's next read already shows the change.
 */
@Injectable()
@EventsHandler(CommittedEvent)
export class LiveFeed implements IEventHandler<CommittedEvent>, OnModuleDestroy {
  private readonly listeners = new Set<LiveListener>();
  private readonly logger = new Logger('live');
  private readonly audience: LiveAudience;

  constructor(private readonly runner: ProjectionRunner, book: ReferralBook, access: AccessPolicy) {
    this.audience = {
      referral: (id) => book.referral(id),
      maySeeReferral: (actor, referral) => access.maySeeReferral(actor, referral),
      maySeePerson: (actor, personId) => access.maySeePerson(actor, personId),
    };
  }

  handle({ recorded }: CommittedEvent): void {
    if (this.listeners.size === 0) return;
    this.runner.waitFor(recorded.position).then(
      () => {
        for (const listener of this.listeners) {
          const notice = liveNoticeFor(recorded, listener.actor, this.audience);
          if (notice) listener.send(notice);
        }
      },
      (error: Error) => this.logger.warn({ msg: 'live notice dropped: read models stopped', error: error.message }),
    );
  }

  listen(listener: LiveListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get openStreams(): number {
    return this.listeners.size;
  }

  onModuleDestroy(): void {
    for (const listener of this.listeners) listener.close();
    this.listeners.clear();
  }
}
