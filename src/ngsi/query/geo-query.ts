import { badData } from '../errors.ts';
import {
  type BBox,
  bboxOf,
  type Geometry,
  geometryProblem,
  isGeometryType,
} from '../model/geojson.ts';

/** Geo relations of clause 4.10. */
export type GeoRel =
  | { rel: 'near'; maxDistance?: number; minDistance?: number }
  | { rel: 'within' | 'contains' | 'intersects' | 'equals' | 'disjoint' | 'overlaps' };

/** A parsed geo-query; `property` is the GeoProperty name as written (default `location`). */
export interface GeoQuery {
  georel: GeoRel;
  geometry: Geometry;
  property: string;
}

const SIMPLE_RELS = ['within', 'contains', 'intersects', 'equals', 'disjoint', 'overlaps'] as const;

/**
 * Parses `georel`, `geometry`, `coordinates` (a JSON array, or the value of a geoQ object) and
 * `geoproperty`. All three of the first must be given together.
 * @throws AppError BadRequestData for a missing part, an unknown relation, a distance that is
 *   not a positive finite number, or coordinates that do not fit the geometry.
 */
export function parseGeoQuery(input: {
  georel?: string | undefined;
  geometry?: string | undefined;
  coordinates?: string | unknown[] | undefined;
  geoproperty?: string | undefined;
}): GeoQuery | undefined {
  const { georel, geometry, coordinates } = input;
  if (georel === undefined && geometry === undefined && coordinates === undefined) return undefined;
  if (!georel || !geometry || coordinates === undefined || coordinates === '')
    throw badData('A geo-query needs georel, geometry and coordinates together');
  const rel = parseGeoRel(georel);
  if (!isGeometryType(geometry)) throw badData(`Unsupported geometry ${geometry}`);
  let coords: unknown = coordinates;
  if (typeof coordinates === 'string') {
    try {
      coords = JSON.parse(coordinates);
    } catch {
      throw badData('coordinates must be a JSON array');
    }
  }
  const g = { type: geometry, coordinates: coords };
  const problem = geometryProblem(g);
  if (problem) throw badData(`Invalid geo-query coordinates: ${problem}`);
  if (rel.rel === 'near' && geometry !== 'Point') throw badData('near needs a Point');
  return { georel: rel, geometry: g as Geometry, property: input.geoproperty || 'location' }; // validated above
}

function parseGeoRel(text: string): GeoRel {
  const [name, ...mods] = text.split(';');
  if ((SIMPLE_RELS as readonly string[]).includes(name ?? '')) {
    if (mods.length > 0) throw badData(`georel ${name} takes no modifiers`);
    return { rel: name as (typeof SIMPLE_RELS)[number] }; // checked just above
  }
  if (name !== 'near') throw badData(`Unknown georel ${text}`);
  const out: { rel: 'near'; maxDistance?: number; minDistance?: number } = { rel: 'near' };
  for (const mod of mods) {
    const m = /^(maxDistance|minDistance)==(.+)$/.exec(mod);
    if (!m) throw badData(`Invalid near modifier ${mod}`);
    const n = Number(m[2]);
    if (!Number.isFinite(n) || n <= 0 || !/^[0-9.eE+]+$/.test(m[2] ?? ''))
      throw badData(`${m[1]} must be a positive number of metres`);
    if (m[1] === 'maxDistance') out.maxDistance = n;
    else out.minDistance = n;
  }
  if (out.maxDistance === undefined && out.minDistance === undefined)
    throw badData('near needs maxDistance or minDistance');
  return out;
}

/**
 * The box an entity's geometry bbox must overlap (`overlap`) or fit inside (`inside`) or cover
 * (`cover`) for the relation to be possible: the indexed prefilter. undefined = no prefilter.
 */
export function prefilterBox(
  q: GeoQuery,
): { box: BBox; test: 'overlap' | 'inside' | 'cover' } | undefined {
  const box = bboxOf(q.geometry);
  switch (q.georel.rel) {
    case 'near': {
      if (q.georel.maxDistance === undefined) return undefined;
      const d = q.georel.maxDistance;
      const dLat = d / 111_320;
      // Longitude degrees shrink towards the poles: size the box for the latitude farthest out.
      const lat = Math.min(90, Math.max(Math.abs(box[1] - dLat), Math.abs(box[3] + dLat)));
      const cos = Math.cos((lat * Math.PI) / 180);
      const dLon = cos < 1e-6 ? 360 : d / (111_320 * cos);
      return { box: [box[0] - dLon, box[1] - dLat, box[2] + dLon, box[3] + dLat], test: 'overlap' };
    }
    case 'within':
      return { box, test: 'inside' };
    case 'contains':
      return { box, test: 'cover' };
    case 'disjoint':
      return undefined;
    default:
      return { box, test: 'overlap' };
  }
}
