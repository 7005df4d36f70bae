import { ensure } from '../shared/rule-violation';

/**
 * How much of the open directory one partner may fill. Services are counted whether active or withdrawn (a
 * withdrawn record stays in the feed); need codes, community codes and places are counted when the partner is
 * the first in the consortium to use them, because only a new term or place grows the public taxonomy and
 * location lists. Terms others introduced first cost nothing.
 */
export const DIRECTORY_SHARE_LIMITS = { services: 100, needs: 40, communities: 40, localities: 200 } as const;

export type DirectoryShareKind = keyof typeof DIRECTORY_SHARE_LIMITS;
export type DirectoryShareUse = Record<DirectoryShareKind, number>;
export type DirectoryTerms = Record<Exclude<DirectoryShareKind, 'services'>, readonly string[]>;

/** What a decision needs to know about the acting partner's share, read from the log before deciding. */
export interface DirectoryShare {
  /** What the partner has taken so far. */
  used: DirectoryShareUse;
  /** Which of the command's codes and places no partner in the consortium has used yet. */
  newToConsortium: DirectoryTerms;
}

const SHARE_NAMES: Record<DirectoryShareKind, string> = {
  services: 'services',
  needs: 'need codes new to the consortium',
  communities: 'community codes new to the consortium',
  localities: 'places new to the consortium',
};

/**
 * Refuses a listing or update that would take the partner past any of its shares. Only what the change adds is
 * checked, so a partner already at (or, after a race between processes, past) a share can still edit what it has.
 */
export function ensureWithinDirectoryShare(share: DirectoryShare, addsService: boolean): void {
  const adding: DirectoryShareUse = {
    services: addsService ? 1 : 0,
    needs: new Set(share.newToConsortium.needs).size,
    communities: new Set(share.newToConsortium.communities).size,
    localities: new Set(share.newToConsortium.localities).size,
  };
  for (const kind of Object.keys(DIRECTORY_SHARE_LIMITS) as DirectoryShareKind[]) {
    const limit = DIRECTORY_SHARE_LIMITS[kind];
    const used = share.used[kind];
    ensure(
      adding[kind] === 0 || used + adding[kind] <= limit,
      'service.directory-share-exceeded',
      `a partner may add at most ${limit} ${SHARE_NAMES[kind]} to the open directory: yours has ${used} and this would add ${adding[kind]}`,
      'unprocessable',
      { share: kind, limit, used, adding: adding[kind] },
    );
  }
}
