/**
 * The signed-in staff member's token lives only in this tab's sessionStorage: gone when the tab closes,
 * never in localStorage, a cookie or a URL.
 */
const KEY = 'onedoor.token';

export interface SessionStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export class Session {
  constructor(private readonly store: SessionStore) {}

  get token(): string | undefined {
    return this.store.getItem(KEY) ?? undefined;
  }

  signIn(token: string): void {
    this.store.setItem(KEY, token.trim());
  }

  signOut(): void {
    this.store.removeItem(KEY);
  }
}

/** The claims a token carries (not verified here: the server does that on every call). */
export function tokenClaims(token: string): { sub?: string; partnerId?: string; exp?: number } | undefined {
  const part = token.split('.')[1];
  if (!part) return undefined;
  try {
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '='));
    const claims = JSON.parse(json);
    return typeof claims === 'object' && claims !== null ? claims : undefined;
  } catch {
    return undefined;
  }
}
