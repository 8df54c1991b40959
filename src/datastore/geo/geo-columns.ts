import type { FieldDef } from '../fields/field-def.ts';

/** Names that mean latitude and longitude (compared case-insensitively). */
const LAT_NAMES = ['緯度', 'latitude', 'lat'];
const LON_NAMES = ['経度', 'longitude', 'lon', 'lng'];
const NUMBER_TYPES = new Set(['float8', 'numeric', 'int4', 'int8']);
const GEO_TYPES = new Set([...NUMBER_TYPES, 'text']);

/** The latitude and longitude columns of a table. */
export interface GeoColumns {
  readonly lat: string;
  readonly lon: string;
}

/**
 * The table's 緯度/経度 (or latitude/longitude, lat/lon) pair, first matching names winning, or
 * undefined when it lacks either. Columns of types other than numbers and text are ignored, and
 * with `numbersOnly` text too (a range on text compares letters, not degrees).
 */
export function findGeoColumns(
  fields: readonly FieldDef[],
  options: { numbersOnly?: boolean } = {},
): GeoColumns | undefined {
  const types = options.numbersOnly ? NUMBER_TYPES : GEO_TYPES;
  const pick = (names: readonly string[]) => {
    for (const name of names) {
      const found = fields.find((f) => f.id.toLowerCase() === name && types.has(f.type));
      if (found) return found.id;
    }
    return undefined;
  };
  const lat = pick(LAT_NAMES);
  const lon = pick(LON_NAMES);
  return lat && lon ? { lat, lon } : undefined;
}

/**
 * The index to ask `loadRows`/`datastore_create` for on a table with numeric coordinates:
 * (緯度, 経度), which serves the latitude range of a nearby search's box.
 */
export function geoIndexFields(fields: readonly FieldDef[]): string[][] {
  const geo = findGeoColumns(fields, { numbersOnly: true });
  return geo ? [[geo.lat, geo.lon]] : [];
}
