/**
 * The instances of one service the gateway routes to, taken in turn (round robin) so the load spreads over them.
 * Each request gets every instance, the next one's turn first: the proxy tries the others in that order only when
 * one could not be connected to (see neverReached), so a stopped instance costs a refused connection, not an error.
 */
export class ServiceInstances {
  private turn = 0;

  constructor(readonly origins: readonly string[]) {
    if (origins.length === 0) throw new Error('a service needs at least one instance to route to');
  }

  /** Every origin, starting with the one whose turn it is. */
  nextInOrder(): string[] {
    const first = this.turn;
    this.turn = (this.turn + 1) % this.origins.length;
    return this.origins.map((_, i) => this.origins[(first + i) % this.origins.length]);
  }

  get several(): boolean {
    return this.origins.length > 1;
  }
}
