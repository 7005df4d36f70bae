/**
 * The two vocabularies the directory publishes as HSDS taxonomies: the needs a service meets (our
 * `needs`, e.g. `employment`) and the communities it is for (our `communities`, e.g. `carers`).
 * Partners may use codes beyond the known ones; those get a name made from the code.
 */
export const DIRECTORY_TAXONOMIES = {
  needs: {
    name: 'OneDoor Needs',
    description: 'The needs a service meets, as the consortium partners record them when they list a service (e.g. employment, housing, debt).',
  },
  communities: {
    name: 'OneDoor Communities',
    description: 'The communities a service is specifically for, as the consortium partners record them (e.g. carers, young people, refugees).',
  },
} as const;

export type DirectoryTaxonomyKey = keyof typeof DIRECTORY_TAXONOMIES;
export const DIRECTORY_TAXONOMY_KEYS = Object.keys(DIRECTORY_TAXONOMIES) as DirectoryTaxonomyKey[];

const KNOWN_TERM_NAMES: Record<string, string> = {
  employment: 'Employment',
  education: 'Education and Skills',
  'mental-health': 'Mental Health',
  'social-isolation': 'Social Isolation',
  housing: 'Housing',
  debt: 'Debt',
  'debt-advice': 'Debt Advice',
  benefits: 'Benefits',
  'carers-support': "Carers' Support",
  carers: 'Carers',
  'young-people': 'Young People',
  'care-leavers': 'Care Leavers',
  'older-people': 'Older People',
  refugees: 'Refugees',
  veterans: 'Veterans',
};

/** A human name for a term code: a known one (`carers-support` → "Carers' Support") or the code title-cased (`food-bank` → "Food Bank"). */
export function termNameOf(code: string): string {
  return KNOWN_TERM_NAMES[code] ?? code.split(/[-_\s]+/).filter(Boolean).map((word) => word[0].toUpperCase() + word.slice(1)).join(' ');
}

export function termDescriptionOf(taxonomy: DirectoryTaxonomyKey, name: string): string {
  return taxonomy === 'needs' ? `Services that meet this need: ${name}.` : `Services specifically for this community: ${name}.`;
}
