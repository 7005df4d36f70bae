import { DirectoryLocation, districtCentroid } from '@onedoor/projections';
import { locationsReached } from './place-filter';

const at = (district: string): DirectoryLocation => ({ id: district, postcodeDistrict: district, ...districtCentroid(district) });
const somewhere: DirectoryLocation = { id: 'ZE1', postcodeDistrict: 'ZE1' };
const locations = [at('HX1'), at('HX7'), at('HD6'), at('OL14'), somewhere];
const districts = (reached: ReturnType<typeof locationsReached>) => reached.map((r) => r.location.postcodeDistrict);

describe('which locations a postcode reaches', () => {
  it('without proximity: the same district, or every district of an area', () => {
    expect(districts(locationsReached(locations, { postcode: { area: 'HX', district: 'HX7' } }))).toEqual(['HX7']);
    expect(districts(locationsReached(locations, { postcode: { area: 'HX' } }))).toEqual(['HX1', 'HX7']);
    expect(districts(locationsReached(locations, { postcode: { area: 'ZE', district: 'ZE1' } }))).toEqual(['ZE1']);
  });

  it('with proximity: district centres within that many metres, nearest first; no centre, no distance', () => {
    const fromHebdenBridge = locationsReached(locations, { postcode: { area: 'HX', district: 'HX7' }, proximity: 12_000 });
    expect(districts(fromHebdenBridge)).toEqual(['HX7', 'OL14', 'HX1']);
    expect(fromHebdenBridge[0].distance).toBe(0);
    expect(districts(locationsReached(locations, { postcode: { area: 'HD', district: 'HD6' }, proximity: 30_000 }))).toEqual(['HD6', 'HX1', 'HX7', 'OL14']);
    expect(locationsReached(locations, { postcode: { area: 'ZE', district: 'ZE1' }, proximity: 1_000_000 })).toEqual([]);
  });
});
