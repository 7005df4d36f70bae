import type { DirectoryTaxonomy, DirectoryTaxonomyTerm } from '@onedoor/projections';

/** An HSDS taxonomy term; `term` repeats the name, as the UK profile names it. */
export function hsdsTaxonomyTerm(term: DirectoryTaxonomyTerm, taxonomy: DirectoryTaxonomy | undefined) {
  return {
    id: term.id,
    code: term.code,
    name: term.name,
    term: term.name,
    description: term.description,
    ...(taxonomy ? { taxonomy: taxonomy.name } : {}),
    taxonomy_id: term.taxonomyId,
  };
}

/** An HSDS taxonomy with its terms (`taxonomy_terms`, from the UK profile). */
export function hsdsTaxonomy(taxonomy: DirectoryTaxonomy, terms: DirectoryTaxonomyTerm[]) {
  return {
    id: taxonomy.id,
    name: taxonomy.name,
    description: taxonomy.description,
    taxonomy_terms: terms.filter((t) => t.taxonomyId === taxonomy.id).map((t) => hsdsTaxonomyTerm(t, taxonomy)),
  };
}
