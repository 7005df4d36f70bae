/**
 * How one OneDoor log is laid out in KurrentDB. Every stream of a log starts with its namespace, so one
 * server can hold several logs (each contract test gets its own) and a $all subscription can keep to one
 * log with a server-side stream-name prefix filter. The adapter's own index streams sit beside the domain
 * streams under a different separator, so that prefix filter keeps them out of the subscription too.
 */
export interface KurrentDbStreams {
  /** The domain stream `stream` (e.g. `onedoor/referral-42`). */
  domain(stream: string): string;
  /** The prefix every domain stream of this log has: the $all subscription's server-side filter. */
  readonly domainPrefix: string;
  /** One entry per event, in global order: its revision + 1 is the event's position (see the adapter). */
  readonly positions: string;
  /** Claims an event id for the whole log: written once, with the place the event took. */
  eventId(id: string): string;
  /** Where the events written under one Idempotency-Key sit, in position order. */
  request(idempotencyId: string): string;
  /** The OneDoor stream name of a domain stream, or undefined for a stream outside this log's domain. */
  fromDomain(kurrentStream: string): string | undefined;
}

/** A namespace is the first part of every stream name, so it must not itself look like a system stream or a path. */
export function kurrentDbStreams(namespace: string): KurrentDbStreams {
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(namespace)) {
    throw new TypeError(`namespace must be letters, digits, '_', '.' or '-', starting with a letter or digit (got ${JSON.stringify(namespace)})`);
  }
  const domainPrefix = `${namespace}/`;
  return {
    domain: (stream) => domainPrefix + stream,
    domainPrefix,
    positions: `${namespace}#positions`,
    eventId: (id) => `${namespace}#event-id/${id}`,
    request: (idempotencyId) => `${namespace}#request/${idempotencyId}`,
    fromDomain: (name) => (name.startsWith(domainPrefix) ? name.slice(domainPrefix.length) : undefined),
  };
}
