import { z } from 'zod';
import { ckanInt } from '../../core/ckan-params.ts';
import type { BBox } from './haversine.ts';

/** Most rows a nearby or box search returns. */
export const GEO_MAX_LIMIT = 1000;

/** Latitude/longitude from JSON numbers or GET's text. */
export const latitude = z.coerce.number().min(-90).max(90);
export const longitude = z.coerce.number().min(-180).max(180);

/**
 * `bbox` as GeoJSON orders it (RFC 7946 §5): `[minLon, minLat, maxLon, maxLat]`, as a JSON array
 * or the comma-separated text of a GET query.
 */
export const bboxParam = z
  .preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .replace(/^\[|\]$/g, '')
            .split(',')
            .map((s) => s.trim())
        : v,
    z.tuple([longitude, latitude, longitude, latitude]),
  )
  .refine(([w, s, e, n]) => w <= e && s <= n, 'must be [west, south, east, north]')
  .transform(([minLon, minLat, maxLon, maxLat]): BBox => ({ minLat, minLon, maxLat, maxLon }));

/** The `limit` of a geo search: 1 to GEO_MAX_LIMIT, 100 unless told. */
export const geoLimit = ckanInt(1, GEO_MAX_LIMIT).default(100);
