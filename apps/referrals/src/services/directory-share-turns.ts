import { Inject, Injectable } from '@nestjs/common';
import type { DirectoryShare, DirectoryTerms } from '@onedoor/domain';
import type { EventStore } from '@onedoor/event-store';
import { EVENT_STORE } from '@onedoor/platform';
import { DirectoryShares, ProjectionRunner } from '@onedoor/projections';

/**
 * Takes one partner's directory writes (listings and description updates) one at a time, each deciding on
 * shares that hold every event already in the log. Otherwise two requests could each read "one service left"
 * and both be written. The turns are per process: processes sharing one log each take their own, so N of them
 * can overshoot a share by at most N − 1 writes (each at most one service and the terms one request carries).
 */
@Injectable()
export class DirectoryShareTurns {
  private readonly lastTurn = new Map<string, Promise<void>>();

  constructor(
    private readonly shares: DirectoryShares,
    private readonly runner: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async inTurn<T>(partnerId: string, write: () => Promise<T>): Promise<T> {
    const previous = this.lastTurn.get(partnerId) ?? Promise.resolve();
    let finish!: () => void;
    const mine = new Promise<void>((resolve) => (finish = resolve));
    const turn = previous.then(() => mine);
    this.lastTurn.set(partnerId, turn);
    await previous;
    try {
      await this.runner.waitFor(await this.store.headPosition());
      return await write();
    } finally {
      finish();
      if (this.lastTurn.get(partnerId) === turn) this.lastTurn.delete(partnerId);
    }
  }

  shareOf(partnerId: string, terms: Partial<DirectoryTerms>): DirectoryShare {
    return this.shares.shareOf(partnerId, terms);
  }
}
