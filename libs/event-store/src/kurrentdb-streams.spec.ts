import { kurrentDbStreams } from './kurrentdb-streams';

describe('kurrentDbStreams', () => {
  const streams = kurrentDbStreams('onedoor');

  it('puts domain streams under the namespace and maps them back', () => {
    expect(streams.domain('referral-42')).toBe('onedoor/referral-42');
    expect(streams.fromDomain('onedoor/referral-42')).toBe('referral-42');
    expect(streams.fromDomain(streams.domain('a/b'))).toBe('a/b');
  });

  it('keeps the index streams and system streams outside the domain prefix the subscription filters on', () => {
    const outside = [streams.positions, streams.eventId('e-1'), streams.request('r-1'), '$all', '$$onedoor/x', 'other/referral-1'];
    for (const name of outside) {
      expect(name.startsWith(streams.domainPrefix)).toBe(false);
      expect(streams.fromDomain(name)).toBeUndefined();
    }
    expect(new Set([streams.positions, streams.eventId('x'), streams.request('x')]).size).toBe(3);
  });

  it('refuses a namespace that is empty, a system name, or contains a separator', () => {
    for (const bad of ['', '$onedoor', 'a/b', 'a#b', ' onedoor', '-x']) {
      expect(() => kurrentDbStreams(bad)).toThrow(/namespace must be/);
    }
    expect(() => kurrentDbStreams('contract-3f2a.test_1')).not.toThrow();
  });
});
