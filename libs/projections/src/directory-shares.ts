import type { DirectoryShare, DirectoryShareUse, DirectoryTerms } from '@onedoor/domain';
import type { RecordedEvent } from '@onedoor/event-store';
import { Projection, domainEventOf } from './projection';

type TermKind = keyof DirectoryTerms;
const TERM_KINDS: TermKind[] = ['needs', 'communities', 'localities'];

/**
 * How much of the open directory each partner has filled: services listed (withdrawn ones included) and the
 * need codes, community codes and places it was the first to use. Terms are keyed as the directory projection
 * publishes them (trimmed), and stay counted once introduced, as the published taxonomy never forgets them.
 */
export class DirectoryShares implements Projection {
  readonly name = 'directory-shares';
  private readonly partnerOf = new Map<string, string>();
  private readonly used = new Map<string, DirectoryShareUse>();
  private readonly known: Record<TermKind, Set<string>> = { needs: new Set(), communities: new Set(), localities: new Set() };

  apply(recorded: RecordedEvent): void {
    const event = domainEventOf(recorded);
    if (event.type === 'ServiceListed') {
      this.partnerOf.set(event.data.serviceId, event.data.partnerId);
      this.useOf(event.data.partnerId).services++;
      this.introduce(event.data.partnerId, event.data);
    } else if (event.type === 'ServiceUpdated') {
      const partnerId = this.partnerOf.get(event.data.serviceId);
      if (partnerId !== undefined) this.introduce(partnerId, event.data.changes);
    }
  }

  reset(): void {
    this.partnerOf.clear();
    this.used.clear();
    TERM_KINDS.forEach((kind) => this.known[kind].clear());
  }

  /** The partner's share so far, and which of the terms a listing or update names no partner has used yet. */
  shareOf(partnerId: string, terms: Partial<DirectoryTerms>): DirectoryShare {
    const newToConsortium = Object.fromEntries(TERM_KINDS.map((kind) => [kind, keysOf(terms[kind]).filter((key) => !this.known[kind].has(key))])) as unknown as DirectoryTerms;
    return { used: { ...this.useOf(partnerId) }, newToConsortium };
  }

  private introduce(partnerId: string, terms: Partial<DirectoryTerms>): void {
    const use = this.useOf(partnerId);
    for (const kind of TERM_KINDS) {
      for (const key of keysOf(terms[kind])) {
        if (this.known[kind].has(key)) continue;
        this.known[kind].add(key);
        use[kind]++;
      }
    }
  }

  private useOf(partnerId: string): DirectoryShareUse {
    let use = this.used.get(partnerId);
    if (!use) this.used.set(partnerId, (use = { services: 0, needs: 0, communities: 0, localities: 0 }));
    return use;
  }
}

function keysOf(values: readonly string[] | undefined): string[] {
  return [...new Set((values ?? []).map((value) => value.trim()).filter(Boolean))];
}
