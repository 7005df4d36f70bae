import { createContext, useContext } from 'react';
import type { OnedoorApi } from './api/onedoor';
import type { Actor, Partner } from './api/types';
import type { LiveNotice } from './live/live-connection';
import type { Route } from './lib/routes';

/** What every screen needs: the API as the signed-in staff member, who that is, and the consortium's partners. */
export interface ConsoleContext {
  api: OnedoorApi;
  actor: Actor;
  consortiumName: string;
  partners: Partner[];
  partnerName(partnerId: string | undefined): string;
  /** A service's name (its id when the directory does not know it, e.g. a service listed since sign-in). */
  serviceName(serviceId: string | undefined): string;
  go(route: Route): void;
  /** Subscribe to live notices; returns the unsubscribe. */
  onLive(listener: (notice: LiveNotice) => void): () => void;
}

export const Console = createContext<ConsoleContext | undefined>(undefined);

export function useConsole(): ConsoleContext {
  const context = useContext(Console);
  if (!context) throw new Error('useConsole outside the signed-in console');
  return context;
}
