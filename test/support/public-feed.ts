import type { OnedoorTestApp } from './onedoor-test-app';

/** The paginated lists of the open Open Referral API: what anyone can download without a token. */
export const PUBLIC_LISTS = ['/openreferral/services', '/openreferral/organizations', '/openreferral/taxonomies', '/openreferral/taxonomy_terms', '/openreferral/service_at_locations'] as const;

/** The most a page may hold (MAX_PER_PAGE): the fewest requests to read a whole list. */
const PER_PAGE = 100;

export interface WholeList {
  items: Record<string, unknown>[];
  pages: number;
  /** Bytes of every page's body together. */
  bytes: number;
}

/**
 * Reads every page of a public list. A list is only bounded if all of it is: the first page of a list is
 * capped by per_page whatever the list holds. A page that is not 200 throws, naming it.
 */
export async function readWholeList(t: OnedoorTestApp, path: string): Promise<WholeList> {
  const whole: WholeList = { items: [], pages: 0, bytes: 0 };
  for (let page = 1; ; page++) {
    const response = await t.http().get(`${path}?page=${page}&per_page=${PER_PAGE}`);
    if (response.status !== 200) throw new Error(`${path} page ${page} answered ${response.status}: ${response.text.slice(0, 200)}`);
    whole.pages++;
    whole.bytes += Buffer.byteLength(response.text);
    whole.items.push(...response.body.contents);
    if (response.body.last_page || page >= response.body.total_pages) return whole;
  }
}
