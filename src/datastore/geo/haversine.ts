/** Mean Earth radius in metres (IUGG), as most web maps use for haversine distances. */
export const EARTH_RADIUS_M = 6_371_008.8;

const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres between two WGS84 points (haversine formula). */
export function haversineMeters(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = rad(lat2 - lat1);
  const dLon = rad(lon2 - lon1);
  const a =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** A latitude/longitude box in degrees; `minLon > maxLon` never happens (see boundingBox). */
export interface BBox {
  readonly minLat: number;
  readonly minLon: number;
  readonly maxLat: number;
  readonly maxLon: number;
}

/**
 * A box that contains every point within `radiusM` of the centre: a prefilter for an index on
 * latitude/longitude, widened to all longitudes near the poles or across the antimeridian
 * (Hokkaido data never gets there, but a wrong answer would be silent).
 */
export function boundingBox(lat: number, lon: number, radiusM: number): BBox {
  const dLat = (radiusM / EARTH_RADIUS_M) * (180 / Math.PI);
  const minLat = Math.max(-90, lat - dLat);
  const maxLat = Math.min(90, lat + dLat);
  const cosLat = Math.cos(rad(Math.max(Math.abs(minLat), Math.abs(maxLat))));
  const dLon = cosLat <= 1e-9 ? 360 : dLat / cosLat;
  if (dLon >= 180 || lon - dLon < -180 || lon + dLon > 180) {
    return { minLat, minLon: -180, maxLat, maxLon: 180 };
  }
  return { minLat, minLon: lon - dLon, maxLat, maxLon: lon + dLon };
}
