import type { RecordedEvent as KurrentRecordedEvent } from '@kurrent/kurrentdb-client';
import { placeOf, placeRecord } from './kurrentdb-place-records';

const readBack = (data: unknown) => ({ id: 'r', streamId: 'onedoor#positions', data }) as KurrentRecordedEvent;

describe('place records', () => {
  it('round-trips a place, each record under a fresh id', () => {
    const place = { stream: 'referral-1', version: 3, position: 41 };
    const a = placeRecord('onedoor-position', place);
    const b = placeRecord('onedoor-position', place);
    expect(a).toMatchObject({ type: 'onedoor-position', contentType: 'application/json', data: place });
    expect(a.id).not.toBe(b.id);
    expect(placeOf(readBack(a.data))).toEqual(place);
  });

  it('refuses a record that is not a place', () => {
    for (const bad of [undefined, {}, { stream: 's', version: '1', position: 2 }, { stream: 1, version: 1, position: 2 }, { stream: 's', version: 1 }]) {
      expect(() => placeOf(readBack(bad))).toThrow('is not a place');
    }
  });
});
