import type { PublicationRouter } from '@onedoor/messaging';

/**
 * DI token for the PublicationRouter the relay delivers for. It provides a factory, not a router: a router
 * is stateful and must be fed the log from position 1, so each leadership term starts a fresh one.
 * Whoever composes the relay provides it, e.g.
 * `{ provide: PUBLICATION_ROUTER_FACTORY, inject: [...], useFactory: (...deps) => () => new SomeRouter(...deps) }`.
 */
export const PUBLICATION_ROUTER_FACTORY = Symbol('PUBLICATION_ROUTER_FACTORY');

export type PublicationRouterFactory = () => PublicationRouter;
