import { IdempotencyStore, StoredResponse } from './idempotency-store';

export interface IdempotencyStoreUnderTest {
  store: IdempotencyStore;
  /** The same storage opened again (a restart, or another instance where the storage is shared). */
  reopen(): Promise<IdempotencyStore>;
  cleanup(): Promise<void>;
}

const answer = (body: string, statusCode = 201): StoredResponse => ({ fingerprint: `fp-${body}`, statusCode, headers: { location: `/x/${body}`, 'content-type': 'application/json' }, body });

/** What every IdempotencyStore does, run against each implementation. */
export function describeIdempotencyStore(name: string, open: () => Promise<IdempotencyStoreUnderTest>): void {
  describe(`${name} (idempotency store)`, () => {
    let subject: IdempotencyStoreUnderTest;
    beforeEach(async () => (subject = await open()));
    afterEach(() => subject.cleanup());

    it('keeps the first answer for a key, exactly, and a second save changes nothing', async () => {
      const { store } = subject;
      expect(await store.find('k1')).toBeUndefined();
      await store.save('k1', answer('{"referralId":"r1"}'));
      await store.save('k1', answer('{"referralId":"other"}', 200));
      expect(await store.find('k1')).toEqual(answer('{"referralId":"r1"}'));
      expect(await (await subject.reopen()).find('k1')).toEqual(answer('{"referralId":"r1"}'));
    });

    it('forgets the answers that name an erased person, and only those', async () => {
      const { store } = subject;
      await store.save('about-amira', answer('{"personId":"amira","givenName":"Amira"}'));
      await store.save('about-amira-2', answer('{"referralId":"r1","personId":"amira"}'));
      await store.save('about-amiral', answer('{"personId":"amiral"}'));
      await store.save('no-person', answer('{"referralId":"r2"}'));
      expect(await store.forgetPerson('amira')).toBe(2);
      expect(await store.find('about-amira')).toBeUndefined();
      expect(await store.find('about-amira-2')).toBeUndefined();
      expect(await store.find('about-amiral')).toBeDefined();
      expect(await store.find('no-person')).toBeDefined();
      expect(await store.forgetPerson('amira')).toBe(0);
    });

    it('lets one attempt at a time claim a key: another is refused until it is released, or its hold lapses', async () => {
      const { store } = subject;
      expect(await store.claim('busy', 60_000)).toBe(true);
      expect(await store.claim('busy', 60_000)).toBe(false);
      expect(await store.claim('other', 60_000)).toBe(true);
      await store.release('busy');
      expect(await store.claim('busy', 1)).toBe(true);
      // A claim its process never released (it died) lapses.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await store.claim('busy', 60_000)).toBe(true);
      // Of attempts racing for one key, exactly one gets it.
      expect((await Promise.all([1, 2, 3].map(() => store.claim('raced', 60_000)))).filter(Boolean)).toHaveLength(1);
    });

    it('drops answers older than the cutoff', async () => {
      const { store } = subject;
      await store.save('old', answer('{}'));
      expect(await store.expireOlderThan(new Date(Date.now() - 60_000))).toBe(0);
      expect(await store.find('old')).toBeDefined();
      expect(await store.expireOlderThan(new Date(Date.now() + 60_000))).toBe(1);
      expect(await store.find('old')).toBeUndefined();
    });
  });
}
