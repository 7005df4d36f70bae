import { BadRequestException } from '@nestjs/common';
import { pageOf } from './page';

const items = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('a page of results', () => {
  it('says where it is in the whole', () => {
    expect(pageOf(items(7), 1, 3)).toEqual({ total_items: 7, total_pages: 3, page_number: 1, size: 3, first_page: true, last_page: false, empty: false, contents: [1, 2, 3] });
    expect(pageOf(items(7), 3, 3)).toEqual({ total_items: 7, total_pages: 3, page_number: 3, size: 1, first_page: false, last_page: true, empty: false, contents: [7] });
    expect(pageOf(items(6), 2, 3)).toMatchObject({ total_pages: 2, last_page: true, contents: [4, 5, 6] });
  });

  it('page 1 of nothing is empty, not an error', () => {
    expect(pageOf([], 1, 50)).toEqual({ total_items: 0, total_pages: 0, page_number: 1, size: 0, first_page: true, last_page: true, empty: true, contents: [] });
  });

  it('a page past the last is bad input naming page', () => {
    for (const [count, page] of [[7, 4], [0, 2]]) {
      let error: unknown;
      try {
        pageOf(items(count), page, 3);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(BadRequestException);
      expect((error as BadRequestException).getResponse()).toMatchObject({ statusCode: 400, rule: 'input.page-out-of-range', fields: [{ field: 'page' }] });
    }
  });
});
