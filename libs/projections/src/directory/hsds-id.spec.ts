import { HsdsIds, ONEDOOR_HSDS_NAMESPACE, uuidV5 } from './hsds-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('HSDS ids', () => {
  it('are RFC 4122 version 5 UUIDs (the RFC namespace examples agree)', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    expect(ONEDOOR_HSDS_NAMESPACE).toBe('99207c01-823e-5db2-8b0d-59d63f6c2c5a');
  });

  it('are the same every time for the same thing, and different for different things and consortia', () => {
    const calder = new HsdsIds('calder');
    expect(calder.service('job-club')).toMatch(UUID);
    expect(new HsdsIds('calder').service('job-club')).toBe(calder.service('job-club'));
    expect(calder.organization('job-club')).not.toBe(calder.service('job-club'));
    expect(new HsdsIds('kirklees').service('job-club')).not.toBe(calder.service('job-club'));
    expect(calder.taxonomyTerm('needs', 'carers')).not.toBe(calder.taxonomyTerm('communities', 'carers'));
  });
});
