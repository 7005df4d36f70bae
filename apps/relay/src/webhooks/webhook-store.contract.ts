import type { StorePair } from '../testing/store-pairs';
import type { NewDeadLetter, NewWebhook, WebhookStore } from './webhook-store';

const webhook = (webhookId: string, partnerId = 'jobs', createdAt = '2026-03-01T09:00:00.000Z'): NewWebhook => ({
  webhookId, partnerId, url: `https://crm.example.org/${webhookId}`, sealedSecret: `sealed-${webhookId}`, createdAt, cursor: 7,
});

const letter = (webhookId: string, seq: number, partnerId = 'jobs'): NewDeadLetter => ({
  webhookId, partnerId, seq, position: seq * 10, eventId: `e-${seq}`, type: 'org.onedoor.referral.created.v1', attempts: 3, lastError: 'HTTP 503', deadAt: '2026-03-02T09:00:00.000Z',
});

/** What every WebhookStore must do, run against each implementation. */
export function describeWebhookStoreContract(name: string, openPair: () => Promise<StorePair<WebhookStore>>): void {
  describe(`${name} (the WebhookStore contract)`, () => {
    let pair: StorePair<WebhookStore>;
    let a: WebhookStore;
    let b: WebhookStore;
    beforeEach(async () => {
      pair = await openPair();
      ({ a, b } = pair);
    });
    afterEach(() => pair.cleanup());

    it('keeps registrations, lists them oldest first per partner, and removes one with its dead letters', async () => {
      await a.add(webhook('w2', 'jobs', '2026-03-02T09:00:00.000Z'));
      await a.add(webhook('w1', 'jobs'));
      await a.add(webhook('w3', 'debt'));
      expect(await b.find('w1')).toEqual({ ...webhook('w1'), attempts: 0, nextAttemptAt: 0, lastError: null, delivered: 0 });
      expect((await b.all()).map((w) => w.webhookId)).toEqual(['w1', 'w3', 'w2']);
      expect((await b.ofPartner('jobs')).map((w) => w.webhookId)).toEqual(['w1', 'w2']);
      await b.claim('w1', 'p1', 1000, 500);
      await b.deadLettered(letter('w1', 8), 'p1');
      await b.remove('w1');
      expect(await a.find('w1')).toBeUndefined();
      expect(await a.deadLettersOf('jobs')).toEqual([]);
      expect(await a.find('w2')).toBeDefined();
    });

    it('claims a webhook for one owner at a time until the claim expires or ends', async () => {
      await a.add(webhook('w1'));
      expect(await a.claim('w1', 'p1', 1000, 500)).toMatchObject({ webhookId: 'w1', cursor: 7 });
      expect(await b.claim('w1', 'p2', 1200, 500)).toBeUndefined();
      expect(await a.claim('w1', 'p1', 1200, 500)).toBeDefined();
      expect(await b.claim('w1', 'p2', 1600, 500)).toBeUndefined();
      expect(await b.claim('w1', 'p2', 1700, 500)).toBeDefined();
      await a.unclaim('w1', 'p1'); // no longer p1's: changes nothing
      expect(await a.claim('w1', 'p1', 1800, 500)).toBeUndefined();
      await b.unclaim('w1', 'p2');
      expect(await a.claim('w1', 'p1', 1800, 500)).toBeDefined();
      expect(await a.claim('nope', 'p1', 1800, 500)).toBeUndefined();
    });

    it('gives a free webhook to exactly one of many owners claiming at once', async () => {
      await a.add(webhook('w1'));
      const claims = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).claim('w1', `p${i}`, 1000, 500)));
      expect(claims.filter(Boolean)).toHaveLength(1);
    });

    it('records delivery, retry and dead letter only under the caller\'s claim, and each ends it', async () => {
      await a.add(webhook('w1'));
      expect(await a.delivered('w1', 'p1', 8)).toBe(false);
      expect(await a.find('w1')).toMatchObject({ cursor: 7, delivered: 0 });

      await a.claim('w1', 'p1', 1000, 500);
      expect(await b.willRetry('w1', 'p2', 1, 2000, 'HTTP 503')).toBe(false);
      expect(await a.willRetry('w1', 'p1', 1, 2000, 'HTTP 503')).toBe(true);
      expect(await b.find('w1')).toMatchObject({ cursor: 7, attempts: 1, nextAttemptAt: 2000, lastError: 'HTTP 503' });
      // The claim ended with the outcome: another owner may claim at once.
      expect(await b.claim('w1', 'p2', 1100, 500)).toBeDefined();
      expect(await a.delivered('w1', 'p1', 8)).toBe(false);
      expect(await b.delivered('w1', 'p2', 8)).toBe(true);
      expect(await a.find('w1')).toMatchObject({ cursor: 8, attempts: 0, nextAttemptAt: 0, lastError: null, delivered: 1 });

      expect(await a.deadLettered(letter('w1', 9), 'p1')).toBe(false);
      expect(await a.deadLettersOf('jobs')).toEqual([]);
      await a.claim('w1', 'p1', 1200, 500);
      expect(await a.deadLettered(letter('w1', 9), 'p1')).toBe(true);
      expect(await b.find('w1')).toMatchObject({ cursor: 9, attempts: 0, lastError: 'HTTP 503', delivered: 1 });
      const [dead] = await b.deadLettersOf('jobs');
      expect(dead).toEqual({ ...letter('w1', 9), deadLetterId: dead.deadLetterId, replay: false, nextAttemptAt: 0 });
      expect(await b.deadLetter(dead.deadLetterId)).toEqual(dead);
    });

    it('queues dead letters for replay (one or all of a partner\'s), serves the due ones oldest first, and settles replays under the claim', async () => {
      await a.add(webhook('w1'));
      await a.add(webhook('w2', 'debt'));
      for (const seq of [8, 9, 10]) {
        await a.claim('w1', 'p1', 1000, 500);
        await a.deadLettered(letter('w1', seq), 'p1');
      }
      await a.claim('w2', 'p1', 1000, 500);
      await a.deadLettered(letter('w2', 3, 'debt'), 'p1');
      const [first, second, third] = await b.deadLettersOf('jobs');
      expect(await b.dueReplay('w1', 1000)).toBeUndefined();

      expect(await b.queueReplay('jobs', second.deadLetterId)).toBe(1);
      expect(await b.queueReplay('jobs', 999_999)).toBe(0);
      expect(await b.dueReplay('w1', 1000)).toMatchObject({ deadLetterId: second.deadLetterId, replay: true, attempts: 0 });
      expect(await b.queueReplay('jobs')).toBe(3);
      expect((await a.dueReplay('w1', 1000))?.deadLetterId).toBe(first.deadLetterId);
      expect(await a.dueReplay('w2', 1000)).toBeUndefined();

      expect(await a.replayed('w1', 'p1', first.deadLetterId)).toBe(false);
      await a.claim('w1', 'p1', 1000, 500);
      expect(await a.replayed('w1', 'p1', first.deadLetterId)).toBe(true);
      expect(await b.deadLetter(first.deadLetterId)).toBeUndefined();

      await a.claim('w1', 'p1', 1000, 500);
      expect(await a.replayFailed('w1', 'p1', second.deadLetterId, 1, 5000, 'HTTP 500')).toBe(true);
      expect(await b.deadLetter(second.deadLetterId)).toMatchObject({ replay: true, attempts: 1, nextAttemptAt: 5000, lastError: 'HTTP 500', deadAt: second.deadAt });
      // Not due before its next attempt: the third is served meanwhile.
      expect((await b.dueReplay('w1', 4000))?.deadLetterId).toBe(third.deadLetterId);
      await a.claim('w1', 'p1', 1000, 500);
      expect(await a.replayFailed('w1', 'p1', second.deadLetterId, 8, null, 'HTTP 502')).toBe(true);
      const back = await b.deadLetter(second.deadLetterId);
      expect(back).toMatchObject({ replay: false, attempts: 8, nextAttemptAt: 0, lastError: 'HTTP 502' });
      expect(back!.deadAt).not.toBe(second.deadAt);
      expect(await b.replayFailed('w1', 'p9', third.deadLetterId, 1, null, 'x')).toBe(false);
      expect(await b.deadLetter(third.deadLetterId)).toMatchObject({ replay: true, attempts: 0 });
    });
  });
}
