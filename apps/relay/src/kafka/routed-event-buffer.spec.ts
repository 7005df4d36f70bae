import type { OutboundMessage } from '@onedoor/messaging';
import { RoutedEvent, RoutedEventBuffer } from './routed-event-buffer';

const message = (position: number): OutboundMessage => ({ position, eventId: `e${position}`, topic: 't', partnerId: null, key: 'k', headers: {}, value: Buffer.from('{}') });
const routed = (position: number, count = 1): RoutedEvent => ({ position, messages: Array.from({ length: count }, () => message(position)) });
const settled = async (promise: Promise<unknown> | undefined) => {
  let done = false;
  void promise?.then(() => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return promise === undefined || done;
};

describe('RoutedEventBuffer', () => {
  it('hands events out in log order, as many as fit in a batch of messages', () => {
    const buffer = new RoutedEventBuffer(100);
    [routed(1, 2), routed(2, 0), routed(3, 2), routed(4, 1)].forEach((entry) => buffer.push(entry));
    expect(buffer.take(4).map((e) => e.position)).toEqual([1, 2, 3]);
    expect(buffer.take(4).map((e) => e.position)).toEqual([4]);
    expect(buffer.take(4)).toEqual([]);
  });

  it('sends an event with more messages than a batch holds on its own rather than never', () => {
    const buffer = new RoutedEventBuffer(100);
    buffer.push(routed(1, 5));
    buffer.push(routed(2, 1));
    expect(buffer.take(3).map((e) => e.position)).toEqual([1]);
  });

  it('makes the feeder wait while full, and lets it go once a batch is taken', async () => {
    const buffer = new RoutedEventBuffer(2);
    expect(await settled(buffer.push(routed(1)))).toBe(true);
    const second = buffer.push(routed(2));
    expect(await settled(second)).toBe(false);
    buffer.take(1);
    expect(await settled(second)).toBe(true);
  });

  it('wakes the sender when an event arrives, and everyone when closed', async () => {
    const buffer = new RoutedEventBuffer(1);
    const signal = new AbortController().signal;
    const waiting = buffer.whenNotEmpty(signal);
    expect(await settled(waiting)).toBe(false);
    const full = buffer.push(routed(1));
    expect(await settled(waiting)).toBe(true);
    buffer.close();
    expect(await settled(full)).toBe(true);
    expect(buffer.size).toBe(0);
    expect(buffer.push(routed(2))).toBeUndefined();
  });
});
