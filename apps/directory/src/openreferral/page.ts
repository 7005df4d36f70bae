import { BadRequestException } from '@nestjs/common';
import type { Problem } from '@onedoor/platform';

/** The HSDS paginated envelope. */
export interface Page<T> {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}

/**
 * One page of the items. Page 1 always exists (empty when nothing matched); a page past the last is
 * bad input, so a client paging on never mistakes the end for an empty directory.
 */
export function pageOf<T>(items: T[], pageNumber: number, perPage: number): Page<T> {
  const totalPages = Math.ceil(items.length / perPage);
  if (pageNumber > Math.max(totalPages, 1)) {
    const rule = `page must be at most ${Math.max(totalPages, 1)}, the last page of ${items.length} item(s) at ${perPage} per page`;
    const problem: Problem = { statusCode: 400, error: 'Bad Request', rule: 'input.page-out-of-range', message: rule, fields: [{ field: 'page', rules: [rule] }] };
    throw new BadRequestException(problem);
  }
  const contents = items.slice((pageNumber - 1) * perPage, pageNumber * perPage);
  return {
    total_items: items.length,
    total_pages: totalPages,
    page_number: pageNumber,
    size: contents.length,
    first_page: pageNumber === 1,
    last_page: pageNumber >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}
