import { distanceInMetres, districtCentroid, parsePostcode, postcodeAreaOf, postcodeDistrictOf } from './uk-postcode';

describe('UK postcodes', () => {
  it('recognise a locality that is a postcode district, not a town', () => {
    expect(postcodeDistrictOf('HX1')).toBe('HX1');
    expect(postcodeDistrictOf(' hx7 ')).toBe('HX7');
    expect(postcodeDistrictOf('OL14')).toBe('OL14');
    expect(postcodeDistrictOf('SW1A')).toBe('SW1A');
    expect(postcodeDistrictOf('Halifax')).toBeUndefined();
    expect(postcodeDistrictOf('HX1 2AB')).toBeUndefined();
  });

  it('read full postcodes, districts and areas in any case and spacing', () => {
    expect(parsePostcode('HX1 2AB')).toEqual({ area: 'HX', district: 'HX1' });
    expect(parsePostcode('hx12ab')).toEqual({ area: 'HX', district: 'HX1' });
    expect(parsePostcode('OL14 5AB')).toEqual({ area: 'OL', district: 'OL14' });
    expect(parsePostcode('bd10')).toEqual({ area: 'BD', district: 'BD10' });
    expect(parsePostcode('LS')).toEqual({ area: 'LS' });
    for (const bad of ['', 'HX1 2A', '12345', 'HXX1', 'HX1 2AB 3', 'not a postcode']) expect(parsePostcode(bad)).toBeUndefined();
    expect(postcodeAreaOf('BD10')).toBe('BD');
  });

  it('know approximate district centres for the Calder Valley areas only', () => {
    expect(districtCentroid('HX1')).toEqual({ latitude: expect.closeTo(53.72, 1), longitude: expect.closeTo(-1.86, 1) });
    expect(districtCentroid('SW1A')).toBeUndefined();
  });

  it('measure great-circle distance in metres', () => {
    const halifax = districtCentroid('HX1')!;
    const hebdenBridge = districtCentroid('HX7')!;
    expect(distanceInMetres(halifax, halifax)).toBe(0);
    // Halifax to Hebden Bridge is about 10 km as the crow flies.
    expect(distanceInMetres(halifax, hebdenBridge)).toBeGreaterThan(8_000);
    expect(distanceInMetres(halifax, hebdenBridge)).toBeLessThan(12_000);
    expect(distanceInMetres(halifax, hebdenBridge)).toBeCloseTo(distanceInMetres(hebdenBridge, halifax), 6);
  });
});
