import { everyPartitionLed } from './topics-with-leaders';

describe('everyPartitionLed', () => {
  const led = { name: 'a', partitions: [{ leader: 1 }, { leader: 1 }] };

  it('holds when every named topic is known and every partition has a leader', () => {
    expect(everyPartitionLed([led, { name: 'b', partitions: [{ leader: 2 }] }], ['a', 'b'])).toBe(true);
  });

  it('fails while a partition has no leader yet (-1)', () => {
    expect(everyPartitionLed([{ name: 'a', partitions: [{ leader: 1 }, { leader: -1 }] }], ['a'])).toBe(false);
  });

  it('fails while a topic is missing from the metadata or has no partitions listed', () => {
    expect(everyPartitionLed([led], ['a', 'b'])).toBe(false);
    expect(everyPartitionLed([{ name: 'a', partitions: [] }], ['a'])).toBe(false);
  });
});
