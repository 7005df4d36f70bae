import type { DirectoryLocation } from '@onedoor/projections';

/**
 * A postcode district where a service is delivered, as an HSDS location. We record areas, not street
 * addresses, so there is no address; the coordinates are the district's approximate centre.
 */
export function hsdsLocation(location: DirectoryLocation) {
  const district = location.postcodeDistrict;
  const hasCentre = location.latitude !== undefined && location.longitude !== undefined;
  return {
    id: location.id,
    location_type: 'physical',
    name: `${district} postcode district`,
    description: `Services delivered in the ${district} postcode district. No street address is recorded${hasCentre ? '; the latitude and longitude are the approximate centre of the district' : ''}.`,
    ...(hasCentre ? { latitude: location.latitude, longitude: location.longitude } : {}),
    external_identifier: district,
    external_identifier_type: 'postcode district',
  };
}
