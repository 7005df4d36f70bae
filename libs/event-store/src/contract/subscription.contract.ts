import { RecordedEvent } from '../event-store.port';
import { ContractSubject, newEvent, newEvents, pause, range, waitUntil } from './contract-fixtures';

/** Catch-up then live delivery: strictly increasing positions, each exactly once, one at a time. */
export function describeSubscriptions(subject: ContractSubject): void {
  describe('subscriptions', () => {
    it('delivers stored events, then live ones as they commit', async () => {
      const { store } = subject;
      await store.append('a', newEvents(10), 'no-stream');
      const seen: number[] = [];
      const subscription = store.subscribe(0, (e) => {
        seen.push(e.position);
      });

      await waitUntil(() => seen.length === 10, 'stored events arrive');
      await store.append('b', newEvents(3), 'no-stream');
      await store.append('a', newEvents(2), 10);
      await waitUntil(() => seen.length === 15, 'live events arrive');

      expect(seen).toEqual(range(1, 15));
      expect(subscription.position).toBe(15);
      await subscription.stop();
    });

    it('neither skips nor repeats when subscribing mid-log while appends race', async () => {
      const { store } = subject;
      await Promise.all(range(1, 60).map((i) => store.append(`s-${i}`, newEvents((i % 3) + 1), 'no-stream')));
      const racing = range(61, 160).map((i) => store.append(`s-${i % 13}`, newEvents((i % 2) + 1), 'any'));
      const seen: number[] = [];
      const subscription = store.subscribe(37, async (e) => {
        seen.push(e.position);
        if (e.position % 5 === 0) await pause(0); // let appends interleave with delivery
      });
      await Promise.all(racing);
      await Promise.all(range(1, 50).map((i) => store.append(`late-${i}`, [newEvent()], 'no-stream')));

      const head = await store.headPosition();
      await waitUntil(() => seen.length >= head - 37, 'every event after 37 arrives');
      await pause(20);
      expect(seen).toEqual(range(38, head));
      await subscription.stop();
    });

    it('waits for a slow handler before delivering the next event', async () => {
      const { store } = subject;
      let inFlight = 0;
      let mostInFlight = 0;
      const seen: RecordedEvent[] = [];
      const subscription = store.subscribe(0, async (e) => {
        inFlight++;
        mostInFlight = Math.max(mostInFlight, inFlight);
        await pause(2);
        seen.push(e);
        inFlight--;
      });
      for (let i = 0; i < 6; i++) await store.append('s', newEvents(4), 'any');

      await waitUntil(() => seen.length === 24, 'all events handled');
      expect(mostInFlight).toBe(1);
      expect(seen.map((e) => e.version)).toEqual(range(1, 24));
      await subscription.stop();
    });

    it('stop() waits for the handler in flight, and nothing is delivered afterwards', async () => {
      const { store } = subject;
      await store.append('s', newEvents(3), 'no-stream');
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const seen: number[] = [];
      let finished = false;
      const subscription = store.subscribe(0, async (e) => {
        seen.push(e.position);
        await gate;
        finished = true;
      });
      await waitUntil(() => seen.length === 1, 'the first event is in the handler');

      let stopped = false;
      const stopping = subscription.stop().then(() => (stopped = true));
      await pause(20);
      expect(stopped).toBe(false);
      release();
      await stopping;
      expect(finished).toBe(true);
      expect(subscription.position).toBe(1);

      await store.append('s', newEvents(2), 3);
      await pause(30);
      expect(seen).toEqual([1]);
    });

    it('stops when the handler throws, telling onError, at the last handled event', async () => {
      const { store } = subject;
      await store.append('s', newEvents(5), 'no-stream');
      const seen: number[] = [];
      const errors: Error[] = [];
      const subscription = store.subscribe(
        0,
        (e) => {
          if (e.position === 3) throw new Error('projection broke');
          seen.push(e.position);
        },
        (error) => errors.push(error),
      );

      await waitUntil(() => errors.length === 1, 'the error is reported');
      expect(errors[0].message).toBe('projection broke');
      await store.append('s', newEvents(1), 5);
      await pause(30);
      expect(seen).toEqual([1, 2]);
      expect(subscription.position).toBe(2);
      await subscription.stop();
    });

    it('serves several subscribers independently', async () => {
      const { store } = subject;
      await store.append('s', newEvents(4), 'no-stream');
      const fromStart: number[] = [];
      const fromTwo: number[] = [];
      const one = store.subscribe(0, (e) => void fromStart.push(e.position));
      const two = store.subscribe(2, (e) => void fromTwo.push(e.position));
      await store.append('s', newEvents(2), 4);

      await waitUntil(() => fromStart.length === 6 && fromTwo.length === 4, 'both have caught up');
      expect(fromStart).toEqual(range(1, 6));
      expect(fromTwo).toEqual(range(3, 6));
      await Promise.all([one.stop(), two.stop()]);
    });
  });
}
