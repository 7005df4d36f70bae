import { normalisedText } from './normalised-text';

/** What a search hit shows staff: enough to tell people apart at the front door. */
export interface PersonSearchHit {
  personId: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  postcode?: string;
}

interface Indexed {
  hit: PersonSearchHit;
  /** The normalised words of the name, for prefix matching. */
  words: string[];
  sortKey: string;
}

/**
 * Names of the people registered, for search as you type at the contact point. Every word typed must start a
 * word of the person's name (case, accents and spacing ignored); a date of birth narrows it further. The
 * caller decides who may be shown: hits it may not see are skipped before the limit, never counted.
 */
export class PersonNameIndex {
  private readonly byPerson = new Map<string, Indexed>();

  set(hit: PersonSearchHit): void {
    const words = normalisedText(`${hit.givenName} ${hit.familyName}`).split(' ').filter(Boolean);
    this.byPerson.set(hit.personId, { hit, words, sortKey: normalisedText(`${hit.familyName} ${hit.givenName}`) });
  }

  delete(personId: string): void {
    this.byPerson.delete(personId);
  }

  clear(): void {
    this.byPerson.clear();
  }

  search(text: string, options: { dateOfBirth?: string; limit: number; mayShow: (personId: string) => boolean }): { hits: PersonSearchHit[]; more: boolean } {
    const typed = normalisedText(text).split(' ').filter(Boolean);
    if (typed.length === 0 && options.dateOfBirth === undefined) return { hits: [], more: false };
    const found: Indexed[] = [];
    for (const entry of this.byPerson.values()) {
      if (options.dateOfBirth !== undefined && entry.hit.dateOfBirth !== options.dateOfBirth) continue;
      if (!typed.every((t) => entry.words.some((w) => w.startsWith(t)))) continue;
      if (!options.mayShow(entry.hit.personId)) continue;
      found.push(entry);
    }
    found.sort((a, b) => a.sortKey.localeCompare(b.sortKey) || a.hit.personId.localeCompare(b.hit.personId));
    return { hits: found.slice(0, options.limit).map((e) => ({ ...e.hit })), more: found.length > options.limit };
  }
}
