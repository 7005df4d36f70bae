import type { DirectoryReadModel } from '@onedoor/projections';
import { badParameter } from '@onedoor/platform';

/**
 * Refuses a need or community code no service has ever used: a typo ("employmnet") must not look like
 * "nothing matches". Terms stay in the directory once used, so a code whose services closed is still known.
 */
export async function ensureKnownTerms(directory: DirectoryReadModel, given: { field: string; taxonomy: 'needs' | 'communities'; codes: string[] }[]): Promise<void> {
  if (given.every((g) => g.codes.length === 0)) return;
  const terms = await directory.taxonomyTerms();
  for (const { field, taxonomy, codes } of given) {
    const known = new Set(terms.filter((t) => t.taxonomy === taxonomy).map((t) => t.code));
    const unknown = codes.filter((code) => !known.has(code));
    if (unknown.length) {
      throw badParameter(field, `${field} must be ${taxonomy === 'needs' ? 'needs' : 'communities'} some service in the directory lists (see /openreferral/taxonomy_terms); unknown: ${unknown.join(', ')}`);
    }
  }
}
