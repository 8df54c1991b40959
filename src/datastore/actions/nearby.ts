import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { invalid } from '../../core/errors.ts';
import { presentField } from '../fields/field-def.ts';
import { findNearby } from '../geo/find-nearby.ts';
import { findGeoColumns } from '../geo/geo-columns.ts';
import { bboxParam, geoLimit, latitude, longitude } from '../geo/geo-input.ts';
import { readableTable } from '../policy.ts';
import { resourceIdParam } from '../schema.ts';

/** s5_datastore_nearby input. */
export const nearbyInput = z.strictObject({
  resource_id: resourceIdParam,
  lat: latitude,
  lon: longitude,
  /** Without it, the `limit` nearest rows, however far. */
  radius_m: z.coerce.number().positive().max(20_100_000).optional(),
  limit: geoLimit,
  bbox: bboxParam.optional(),
});

export const datastoreNearby = defineAction({
  name: 's5_datastore_nearby',
  description:
    'Return the rows of a datastore table nearest to a point, nearest first, each with `_distance_m` (haversine, metres). The table needs numeric 緯度/経度 (or latitude/longitude) columns.\n\n' +
    ':param resource_id: the resource\n' +
    ':param lat: latitude of the point (WGS84)\n' +
    ':param lon: longitude of the point (WGS84)\n' +
    ':param radius_m: only rows within this distance; without it, the `limit` nearest rows\n' +
    ':param limit: most rows returned (1–1000, default 100)\n' +
    ':param bbox: only rows in [minLon, minLat, maxLon, maxLat] (GeoJSON order; comma-separated in GET)',
  input: nearbyInput,
  readOnly: true,
  auth: 'anyone',
  example: {
    resource_id: '3f2b7c1e-0000-4000-8000-000000000000',
    lat: 43.0621,
    lon: 141.3544,
    radius_m: 1000,
  },
  run: async (ctx, input) => {
    const meta = await readableTable(ctx, input.resource_id);
    const geo = findGeoColumns(meta.fields, { numbersOnly: true });
    if (!geo) throw noGeoColumns();
    const records = await findNearby(ctx.db, meta, geo, {
      lat: input.lat,
      lon: input.lon,
      radiusM: input.radius_m,
      limit: input.limit,
      bbox: input.bbox,
    });
    return {
      resource_id: meta.resourceId,
      fields: [
        { id: '_id', type: 'int' },
        ...meta.fields.map(presentField),
        { id: '_distance_m', type: 'float8' },
      ],
      records,
      geo_columns: geo,
    };
  },
});

/** The error of a geo search on a table without numeric coordinates. */
export function noGeoColumns() {
  return invalid({
    resource_id: [
      '数値の緯度・経度の列がありません / The table has no numeric latitude/longitude columns',
    ],
  });
}
