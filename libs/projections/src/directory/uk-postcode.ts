import centroids from './postcode-district-centroids.json';

/** A UK postcode as far as it was given: its area (`HX`), and its district (`HX1`) unless only an area was given. */
export interface PostcodePlace {
  area: string;
  district?: string;
}

export interface LatLong {
  latitude: number;
  longitude: number;
}

const DISTRICT = /^([A-Z]{1,2})\d[A-Z\d]?$/;
const AREA = /^[A-Z]{1,2}$/;
const INWARD = /^\d[A-Z]{2}$/;

const squashed = (text: string) => text.toUpperCase().replace(/\s+/g, '');

/** The postcode district (outward code) a locality names, e.g. `hx1` → `HX1`; undefined for a town or ward name. */
export function postcodeDistrictOf(locality: string): string | undefined {
  const text = squashed(locality);
  return DISTRICT.test(text) ? text : undefined;
}

/**
 * Reads a full postcode (`HX1 2AB`, any case and spacing), a district (`HX1`) or an area (`HX`).
 * Undefined when it is none of these.
 */
export function parsePostcode(text: string): PostcodePlace | undefined {
  const value = squashed(text);
  if (value.length >= 5 && INWARD.test(value.slice(-3))) {
    const district = value.slice(0, -3);
    const match = DISTRICT.exec(district);
    return match ? { area: match[1], district } : undefined;
  }
  const match = DISTRICT.exec(value);
  if (match) return { area: match[1], district: value };
  return AREA.test(value) ? { area: value } : undefined;
}

/** The area letters of a district: `BD10` → `BD`. */
export function postcodeAreaOf(district: string): string {
  return DISTRICT.exec(district)?.[1] ?? district;
}

const CENTROIDS: Record<string, number[] | undefined> = centroids.districts;

/**
 * The approximate centre of a postcode district, from the offline table beside this file. Partial: the
 * HX, HD, BD and LS districts and OL11–OL16 only; undefined elsewhere.
 */
export function districtCentroid(district: string): LatLong | undefined {
  const centre = CENTROIDS[district];
  return centre && { latitude: centre[0], longitude: centre[1] };
}

/** The areas the centroid table covers, for messages that say where proximity search works. */
export const CENTROID_AREAS: readonly string[] = centroids.areas;

const EARTH_RADIUS_METRES = 6_371_008.8;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle (haversine) distance in metres. */
export function distanceInMetres(from: LatLong, to: LatLong): number {
  const dLat = radians(to.latitude - from.latitude);
  const dLong = radians(to.longitude - from.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(from.latitude)) * Math.cos(radians(to.latitude)) * Math.sin(dLong / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}
