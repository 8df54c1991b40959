import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { presentField } from '../fields/field-def.ts';
import { findGeoColumns } from '../geo/geo-columns.ts';
import { bboxParam, geoLimit } from '../geo/geo-input.ts';
import { pointsInBox, rowsById } from '../geo/read-geo.ts';
import { readableTable } from '../policy.ts';
import { resourceIdParam } from '../schema.ts';
import { noGeoColumns } from './nearby.ts';

/** s5_datastore_search_bbox input. */
export const searchBboxInput = z.strictObject({
  resource_id: resourceIdParam,
  bbox: bboxParam,
  limit: geoLimit,
});

export const datastoreSearchBbox = defineAction({
  name: 's5_datastore_search_bbox',
  description:
    'Return the rows of a datastore table whose 緯度/経度 (or latitude/longitude) lie in a box, in `_id` order, and how many there are.\n\n' +
    ':param resource_id: the resource\n' +
    ':param bbox: [minLon, minLat, maxLon, maxLat] (GeoJSON order; comma-separated in GET)\n' +
    ':param limit: most rows returned (1–1000, default 100)',
  input: searchBboxInput,
  readOnly: true,
  auth: 'anyone',
  example: {
    resource_id: '3f2b7c1e-0000-4000-8000-000000000000',
    bbox: [141.2, 43.0, 141.5, 43.2],
  },
  run: async (ctx, input) => {
    const meta = await readableTable(ctx, input.resource_id);
    const geo = findGeoColumns(meta.fields, { numbersOnly: true });
    if (!geo) throw noGeoColumns();
    const points = await pointsInBox(ctx.db, meta, geo, input.bbox);
    const ids = points
      .map((p) => p.id)
      .sort((a, b) => a - b)
      .slice(0, input.limit);
    return {
      resource_id: meta.resourceId,
      fields: [{ id: '_id', type: 'int' }, ...meta.fields.map(presentField)],
      records: await rowsById(ctx.db, meta, ids),
      total: points.length,
      geo_columns: geo,
    };
  },
});
