import { DirectoryLocation, LatLong, PostcodePlace, districtCentroid, distanceInMetres, postcodeAreaOf } from '@onedoor/projections';

export interface PlaceFilter {
  postcode: PostcodePlace;
  /** Metres from the centre of the postcode's district. */
  proximity?: number;
}

/** A location that passed the place filter, with its distance when one was measured. */
export interface PlacedLocation {
  location: DirectoryLocation;
  distance?: number;
}

/**
 * Which locations a postcode reaches. Without `proximity`: those in the postcode's district (or area,
 * when only an area is given). With it: those whose district centre is within that many metres of the
 * postcode district's centre, nearest first. Centres come from a partial offline table, so locations
 * without one are never within a distance.
 */
export function locationsReached(locations: DirectoryLocation[], filter: PlaceFilter): PlacedLocation[] {
  const { postcode, proximity } = filter;
  if (proximity === undefined) {
    return locations
      .filter((l) => (postcode.district ? l.postcodeDistrict === postcode.district : postcodeAreaOf(l.postcodeDistrict) === postcode.area))
      .map((location) => ({ location }));
  }
  const from = postcode.district ? districtCentroid(postcode.district) : undefined;
  if (!from) return [];
  return locations
    .flatMap((location) => {
      const centre = centreOf(location);
      const distance = centre && distanceInMetres(from, centre);
      return distance !== undefined && distance <= proximity ? [{ location, distance }] : [];
    })
    .sort((a, b) => a.distance - b.distance);
}

function centreOf(location: DirectoryLocation): LatLong | undefined {
  return location.latitude !== undefined && location.longitude !== undefined ? { latitude: location.latitude, longitude: location.longitude } : undefined;
}
