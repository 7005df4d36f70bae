import type { DirectoryShare, DirectoryShareUse, DirectoryTerms } from '@onedoor/domain';
import type { RecordedEvent } from '@onedoor/event-store';
import { SnapshottedProjection, domainEventOf } from './projection';
import { mapOf, setOf, snapshotShaped } from './checkpoints/snapshot-shape';

type TermKind = keyof DirectoryTerms;
const TERM_KINDS: TermKind[] = ['needs', 'communities', 'localities'];

/**
 * How much of the open directory each partner has filled: services listed (withdrawn ones included) and the
 * need codes, community codes and places it was the first to use. Terms are keyed as the directory projection
 * publishes them (trimmed), and stay counted once introduced, as the published taxonomy never forgets them.
 */
interface SharesSnapshot {
  partnerOf: Map<string, string>;
  used: Map<string, DirectoryShareUse>;
  needs: Set<string>;
  communities: Set<string>;
  localities: Set<string>;
}

export class DirectoryShares implements SnapshottedProjection {
  readonly name = 'directory-shares';
  readonly snapshotVersion: number = 1;
  private partnerOf = new Map<string, string>();
  private used = new Map<string, DirectoryShareUse>();
  private known: Record<TermKind, Set<string>> = { needs: new Set(), communities: new Set(), localities: new Set() };

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

  /** Ids, partner ids and the public terms only: nothing personal. */
  snapshot(): SharesSnapshot {
    return { partnerOf: this.partnerOf, used: this.used, ...this.known };
  }

  restore(state: unknown): void {
    const saved = snapshotShaped<SharesSnapshot>(state, this.name, ['partnerOf', 'used', ...TERM_KINDS]);
    this.partnerOf = mapOf(saved.partnerOf, this.name, 'partnerOf');
    this.used = mapOf(saved.used, this.name, 'used');
    this.known = { needs: setOf(saved.needs, this.name, 'needs'), communities: setOf(saved.communities, this.name, 'communities'), localities: setOf(saved.localities, this.name, 'localities') };
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
