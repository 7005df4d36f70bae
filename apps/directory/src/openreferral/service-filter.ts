import { DirectoryService, normalisedText } from '@onedoor/projections';
import type { DirectoryContext } from './directory-context';

/** The Open Referral filters on services; every one given must hold (AND). */
export interface ServiceFilter {
  /** Words found in the name, description, eligibility, organization, needs, communities or localities (any case, accents ignored). */
  search?: string;
  taxonomyTermId?: string;
  taxonomyId?: string;
  organizationId?: string;
  /** Changed on or after this ISO 8601 date or date-time. */
  modifiedAfter?: string;
  /** Services whose minimum age is at least this (no minimum counts as 0), as the UK profile defines it. */
  minimumAge?: number;
  /** Services whose maximum age is at most this (no maximum counts as none, so never matches). */
  maximumAge?: number;
}

export function servicesMatching(services: DirectoryService[], filter: ServiceFilter, context: DirectoryContext): DirectoryService[] {
  const words = filter.search ? normalisedText(filter.search).split(' ').filter(Boolean) : [];
  const after = filter.modifiedAfter !== undefined ? Date.parse(filter.modifiedAfter) : undefined;
  return services.filter(
    (s) =>
      (words.length === 0 || containsAll(searchableText(s, context), words)) &&
      (filter.taxonomyTermId === undefined || s.terms.some((t) => t.termId === filter.taxonomyTermId)) &&
      (filter.taxonomyId === undefined || s.terms.some((t) => context.term(t.termId)?.taxonomyId === filter.taxonomyId)) &&
      (filter.organizationId === undefined || s.organizationId === filter.organizationId) &&
      (after === undefined || Date.parse(s.lastModified) >= after) &&
      (filter.minimumAge === undefined || (s.eligibility.minimumAge ?? 0) >= filter.minimumAge) &&
      (filter.maximumAge === undefined || (s.eligibility.maximumAge !== undefined && s.eligibility.maximumAge <= filter.maximumAge)),
  );
}

function searchableText(service: DirectoryService, context: DirectoryContext): string {
  return normalisedText(
    [
      service.name,
      service.description,
      service.eligibility.description ?? '',
      context.organization(service.organizationId)?.name ?? '',
      ...service.terms.map((t) => context.term(t.termId)?.name ?? t.code),
      ...service.localities,
    ].join(' '),
  );
}

function containsAll(haystack: string, words: string[]): boolean {
  return words.every((word) => haystack.includes(word));
}
