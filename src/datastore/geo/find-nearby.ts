import type { Database } from '../../db/index.ts';
import type { TableMeta } from '../fields/field-def.ts';
import type { GeoColumns } from './geo-columns.ts';
import { type BBox, boundingBox, EARTH_RADIUS_M, haversineMeters } from './haversine.ts';
import { type GeoPoint, pointsInBox, rowsById } from './read-geo.ts';

/** What to look for: within `radiusM` of the centre, or the `limit` nearest; optionally in a box. */
export interface NearbyQuery {
  readonly lat: number;
  readonly lon: number;
  readonly radiusM?: number | undefined;
  readonly limit: number;
  readonly bbox?: BBox | undefined;
}

/** Half the Earth's circumference: a radius that covers every point. */
const WHOLE_EARTH_M = Math.PI * EARTH_RADIUS_M;
const FIRST_RADIUS_M = 1000;

/**
 * Rows nearest first (ties by `_id`), each with `_distance_m`. A radius search reads the box
 * around the circle; a k-nearest search reads boxes of growing radius until k rows lie inside
 * the circle (rows outside the circle but inside the box may not be the nearest), so a dense
 * table is answered from a small box.
 */
export async function findNearby(
  db: Database,
  meta: TableMeta,
  geo: GeoColumns,
  query: NearbyQuery,
): Promise<Array<Record<string, unknown>>> {
  const within = async (radiusM: number) => {
    const box = intersect(boundingBox(query.lat, query.lon, radiusM), query.bbox);
    if (!box) return [];
    const points = await pointsInBox(db, meta, geo, box);
    return withDistances(points, query).filter((p) => p.distance <= radiusM);
  };
  let found: Array<GeoPoint & { distance: number }>;
  if (query.radiusM !== undefined) {
    found = await within(query.radiusM);
  } else if (query.bbox) {
    // The box bounds the search already: every candidate is in it.
    found = withDistances(await pointsInBox(db, meta, geo, query.bbox), query);
  } else {
    let radius = FIRST_RADIUS_M;
    found = await within(radius);
    while (found.length < query.limit && radius < WHOLE_EARTH_M) {
      radius = Math.min(radius * 4, WHOLE_EARTH_M);
      found = await within(radius);
    }
  }
  const nearest = found
    .sort((a, b) => a.distance - b.distance || a.id - b.id)
    .slice(0, query.limit);
  const rows = await rowsById(
    db,
    meta,
    nearest.map((p) => p.id),
  );
  const distances = new Map(nearest.map((p) => [p.id, p.distance]));
  return rows.map((row) => ({ ...row, _distance_m: round(distances.get(Number(row._id)) ?? 0) }));
}

function withDistances(points: GeoPoint[], query: NearbyQuery) {
  return points
    .filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lon))
    .map((p) => ({ ...p, distance: haversineMeters(query.lat, query.lon, p.lat, p.lon) }));
}

/** Distances to the centimetre: more digits only suggest a precision the data lacks. */
function round(metres: number): number {
  return Math.round(metres * 100) / 100;
}

function intersect(a: BBox, b: BBox | undefined): BBox | undefined {
  if (!b) return a;
  const box = {
    minLat: Math.max(a.minLat, b.minLat),
    minLon: Math.max(a.minLon, b.minLon),
    maxLat: Math.min(a.maxLat, b.maxLat),
    maxLon: Math.min(a.maxLon, b.maxLon),
  };
  return box.minLat <= box.maxLat && box.minLon <= box.maxLon ? box : undefined;
}
