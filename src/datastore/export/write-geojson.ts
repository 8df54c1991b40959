import type { FieldDef } from '../fields/field-def.ts';
import { findGeoColumns } from '../geo/geo-columns.ts';
import type { ExportRow } from './read-batches.ts';

/**
 * GeoJSON (RFC 7946) text, piece by piece: a FeatureCollection with one Feature per row, a Point
 * at [経度, 緯度] (RFC 7946 §3.1.1: longitude first) and every field in `properties`. A row with
 * no usable coordinates keeps its place with `geometry: null` (§3.2).
 * @returns undefined when the table has no latitude/longitude pair.
 */
export function geojsonWriter(fields: readonly FieldDef[]) {
  const geo = findGeoColumns(fields);
  if (!geo) return undefined;
  const latIndex = fields.findIndex((f) => f.id === geo.lat);
  const lonIndex = fields.findIndex((f) => f.id === geo.lon);
  let first = true;
  return {
    head: () => '{"type":"FeatureCollection","features":[\n',
    row: (row: ExportRow) => {
      const properties: Record<string, unknown> = { _id: row.id };
      fields.forEach((f, i) => {
        properties[f.id] = row.values[i] ?? null;
      });
      const lat = toCoordinate(row.values[latIndex], 90);
      const lon = toCoordinate(row.values[lonIndex], 180);
      const geometry =
        lat === undefined || lon === undefined ? null : { type: 'Point', coordinates: [lon, lat] };
      const text = `${first ? '' : ',\n'}${JSON.stringify({ type: 'Feature', geometry, properties })}`;
      first = false;
      return text;
    },
    tail: () => '\n]}\n',
  };
}

/** A coordinate within ±limit, from a number or numeric text; undefined otherwise. */
export function toCoordinate(value: unknown, limit: number): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) && Math.abs(n) <= limit ? n : undefined;
}
