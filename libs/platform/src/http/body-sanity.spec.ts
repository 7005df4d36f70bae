import { BODY_LIMITS, findBodyFault, isJsonContentType, stringFault } from './body-sanity';

const nested = (depth: number): unknown => {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
};
const fieldOf = (body: unknown) => findBodyFault(body)?.fields?.[0].field;

describe('body sanity: what every JSON body must be before a DTO sees it', () => {
  it('lets an ordinary body through', () => {
    expect(findBodyFault({ givenName: 'Amira', needs: ['employment'], eligibility: { minimumAge: 16 }, notes: 'line one\nline two\ttabbed', name: 'Zoë Ørsted 李' })).toBeUndefined();
    expect(findBodyFault(undefined)).toBeUndefined();
    expect(findBodyFault(null)).toBeUndefined();
  });

  it(`refuses nesting deeper than ${BODY_LIMITS.MAX_DEPTH}, however deep, without exhausting the stack`, () => {
    expect(findBodyFault({ a: nested(BODY_LIMITS.MAX_DEPTH - 1) })).toBeUndefined();
    const fault = findBodyFault({ a: nested(BODY_LIMITS.MAX_DEPTH) });
    expect(fault).toMatchObject({ statusCode: 400, rule: 'input.too-deeply-nested' });
    expect(fault?.fields?.[0].field).toMatch(/^a(\[0\])+$/);
    expect(findBodyFault(nested(100_000))).toMatchObject({ rule: 'input.too-deeply-nested' });
  });

  it('refuses a lone surrogate, naming the field, and keeps a proper pair', () => {
    expect(fieldOf({ email: '\ud800' })).toBe('email');
    expect(fieldOf({ email: 'a\udc00b' })).toBe('email');
    expect(fieldOf({ list: ['ok', 'x\ud83d'] })).toBe('list[1]');
    expect(findBodyFault({ name: 'smile 😀' })).toBeUndefined();
  });

  it('refuses control characters but tab and line breaks, and every bidirectional embedding, override and isolate', () => {
    const embeddingsOverridesIsolates = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
    for (const bad of ['\u0000', '\u0007', '\u001b[31m', '\u007f', '\u0085', ...embeddingsOverridesIsolates]) {
      expect(stringFault(`a${bad}b`)).toBeDefined();
      expect(fieldOf({ reason: { text: `a${bad}b` } })).toBe('reason.text');
    }
    expect(stringFault('a\u202eb')).toMatch(/embedding, override or isolate/);
    expect(stringFault('a\tb\r\nc')).toBeUndefined();
  });

  it('allows the marks LRM, RLM and ALM, which Urdu and Arabic text uses', () => {
    // An Urdu address with a Latin postcode, kept in order by an RLM; an Arabic phone note with an ALM.
    for (const text of ['گلی نمبر ۳\u200f HX1 2AB', 'Ref\u200e: 12', 'هاتف\u061c: 0770']) {
      expect(stringFault(text)).toBeUndefined();
      expect(findBodyFault({ notes: text, needs: [text] })).toBeUndefined();
    }
  });

  it('bounds every string, array and object', () => {
    expect(findBodyFault({ s: 'x'.repeat(BODY_LIMITS.MAX_STRING_LENGTH) })).toBeUndefined();
    expect(fieldOf({ s: 'x'.repeat(BODY_LIMITS.MAX_STRING_LENGTH + 1) })).toBe('s');
    expect(fieldOf({ needs: Array(BODY_LIMITS.MAX_ARRAY_LENGTH + 1).fill('a') })).toBe('needs');
    expect(fieldOf({ o: Object.fromEntries(Array.from({ length: BODY_LIMITS.MAX_KEYS + 1 }, (_, i) => [`k${i}`, 1])) })).toBe('o');
  });

  it('refuses keys that reach for prototypes, as unknown fields, wherever they are', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const body = JSON.parse(`{"eligibility":{"${key}":{"x":1}}}`);
      expect(findBodyFault(body)?.fields?.[0]).toEqual({ field: `eligibility.${key}`, rules: [`eligibility.${key} property ${key} should not exist`] });
    }
  });

  it('refuses a key that is itself not storable text', () => {
    expect(findBodyFault({ 'bad\u0000key': 1 })).toMatchObject({ statusCode: 400 });
  });

  it('knows JSON content types', () => {
    for (const type of ['application/json', 'application/json; charset=utf-8', 'Application/JSON', 'application/merge-patch+json']) expect(isJsonContentType(type)).toBe(true);
    for (const type of [undefined, 'application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x', 'application/jsonp', 'text/json']) expect(isJsonContentType(type)).toBe(false);
  });
});
