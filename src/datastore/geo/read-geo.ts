import { sql } from 'kysely';
import type { Database } from '../../db/index.ts';
import type { TableMeta } from '../fields/field-def.ts';
import { readExpr, storedFromDb, wireValue } from '../repo/read-values.ts';
import type { GeoColumns } from './geo-columns.ts';
import type { BBox } from './haversine.ts';

/** A row's id and position. */
export interface GeoPoint {
  readonly id: number;
  readonly lat: number;
  readonly lon: number;
}

/**
 * The positions of the rows inside the box: only three numbers a row, so that even a wide box
 * stays small in memory. The range on the latitude column is what an index on it serves.
 */
export async function pointsInBox(
  db: Database,
  meta: TableMeta,
  geo: GeoColumns,
  box: BBox,
): Promise<GeoPoint[]> {
  const lat = sql.id(geo.lat);
  const lon = sql.id(geo.lon);
  const result = await sql<{ _id: unknown; lat: unknown; lon: unknown }>`SELECT ${sql.id(
    '_id',
  )} AS _id, ${lat} AS lat, ${lon} AS lon FROM ${sql.id(meta.tableName)} WHERE ${lat} BETWEEN ${box.minLat} AND ${box.maxLat} AND ${lon} BETWEEN ${box.minLon} AND ${box.maxLon}`.execute(
    db.kysely,
  );
  return result.rows.map((r) => ({ id: Number(r._id), lat: Number(r.lat), lon: Number(r.lon) }));
}

/** The rows with these ids as `{_id, field: wire value}` records, in the order of `ids`. */
export async function rowsById(
  db: Database,
  meta: TableMeta,
  ids: readonly number[],
): Promise<Array<Record<string, unknown>>> {
  if (ids.length === 0) return [];
  const select = sql.join([
    sql.id('_id'),
    ...meta.fields.map(
      (f, i) => sql`${readExpr(sql.id(f.id), f.type, db.dialect)} AS ${sql.id(`c${i}`)}`,
    ),
  ]);
  const result = await sql<Record<string, unknown>>`SELECT ${select} FROM ${sql.id(
    meta.tableName,
  )} WHERE ${sql.id('_id')} IN (${sql.join(ids.map((id) => sql`${id}`))})`.execute(db.kysely);
  const byId = new Map<number, Record<string, unknown>>();
  for (const row of result.rows) {
    const record: Record<string, unknown> = { _id: Number(row._id) };
    meta.fields.forEach((f, i) => {
      record[f.id] = wireValue(storedFromDb(row[`c${i}`], f.type), f.type);
    });
    byId.set(Number(row._id), record);
  }
  return ids.flatMap((id) => {
    const record = byId.get(id);
    return record ? [record] : [];
  });
}
