import { parseIfMatch } from './if-match.decorator';

describe('If-Match', () => {
  it('reads strong and weak version tags', () => {
    expect(parseIfMatch('"3"')).toBe(3);
    expect(parseIfMatch('W/"12"')).toBe(12);
    expect(parseIfMatch(undefined)).toBeUndefined();
  });
  it('reads * as any current version (RFC 9110)', () => {
    expect(parseIfMatch('*')).toBeUndefined();
    expect(parseIfMatch(' * ')).toBeUndefined();
  });
  it('refuses anything else with a 400 naming the header', () => {
    expect(() => parseIfMatch('"abc"')).toThrow(/If-Match/);
    expect(() => parseIfMatch('**')).toThrow(/If-Match/);
    expect(() => parseIfMatch('*, "3"')).toThrow(/If-Match/);
  });
});
