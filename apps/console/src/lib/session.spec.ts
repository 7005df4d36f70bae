import { Session, SessionStore, tokenClaims } from './session';

class MapStore implements SessionStore {
  readonly map = new Map<string, string>();
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.map.set(key, value);
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
}

/** Payloads here are ASCII, so btoa (in browsers and Node alike) encodes them. */
const base64url = (text: string) => btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const jwt = (payload: unknown) => `${base64url('{"alg":"HS256","typ":"JWT"}')}.${base64url(JSON.stringify(payload))}.signature`;

describe('Session', () => {
  it('is signed out until a token is kept, and signed out again after', () => {
    const store = new MapStore();
    const session = new Session(store);
    expect(session.token).toBeUndefined();
    session.signIn('  abc.def.ghi \n');
    expect(session.token).toBe('abc.def.ghi');
    expect([...store.map.values()]).toEqual(['abc.def.ghi']);
    session.signOut();
    expect(session.token).toBeUndefined();
    expect(store.map.size).toBe(0);
  });

  it('reads a token another session object kept in the same store (a reload of the tab)', () => {
    const store = new MapStore();
    new Session(store).signIn('t1');
    expect(new Session(store).token).toBe('t1');
  });

  it('replaces the token on a second sign-in', () => {
    const session = new Session(new MapStore());
    session.signIn('first');
    session.signIn('second');
    expect(session.token).toBe('second');
  });
});

describe('tokenClaims', () => {
  it('reads the payload of a JWT', () => {
    expect(tokenClaims(jwt({ sub: 'staff-1', partnerId: 'partner-a', exp: 1900000000 }))).toEqual({ sub: 'staff-1', partnerId: 'partner-a', exp: 1900000000 });
  });

  it('reads base64url payloads whose standard base64 would carry + / and padding', () => {
    // "~~~" and "???" encode to characters that differ between base64 and base64url, and lengths that need padding.
    for (const sub of ['~~~', '???', 'a', 'ab', 'abc', 'staff-1>?']) {
      const token = jwt({ sub });
      expect(token.split('.')[1]).not.toMatch(/[+/=]/);
      expect(tokenClaims(token)).toEqual({ sub });
    }
    expect(jwt({ sub: '~~~' }).split('.')[1]).toMatch(/[-_]/);
  });

  it('is undefined for what is not a token', () => {
    expect(tokenClaims('')).toBeUndefined();
    expect(tokenClaims('no-dots-at-all')).toBeUndefined();
    expect(tokenClaims('a..c')).toBeUndefined();
    expect(tokenClaims('a.!!!not base64!!!.c')).toBeUndefined();
    expect(tokenClaims(`a.${base64url('not json')}.c`)).toBeUndefined();
    expect(tokenClaims(`a.${base64url('"a string"')}.c`)).toBeUndefined();
    expect(tokenClaims(`a.${base64url('null')}.c`)).toBeUndefined();
  });
});
