/** GeoJSON geometries (RFC 7946) as GeoProperty values and geo-query operands. */

export type Position = number[];
export type Geometry =
  | { type: 'Point'; coordinates: Position }
  | { type: 'MultiPoint'; coordinates: Position[] }
  | { type: 'LineString'; coordinates: Position[] }
  | { type: 'MultiLineString'; coordinates: Position[][] }
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };

export type GeometryType = Geometry['type'];

export const GEOMETRY_TYPES: readonly GeometryType[] = [
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
];

/** [minX, minY, maxX, maxY] in the geometry's own coordinates (longitude, latitude). */
export type BBox = [number, number, number, number];

const DEPTH: Record<GeometryType, number> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
};

/** Whether a value names a GeoJSON geometry type this broker handles. */
export function isGeometryType(value: unknown): value is GeometryType {
  return typeof value === 'string' && (GEOMETRY_TYPES as readonly string[]).includes(value);
}

/**
 * Checks a geometry and returns why it is invalid, or undefined when it is valid: known type,
 * coordinates nested to the type's depth, 2–3 finite numbers per position, ≥ 2 positions per
 * line, closed rings of ≥ 4 positions.
 */
export function geometryProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'a geometry must be a GeoJSON object';
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  if (!isGeometryType(type)) return `unsupported geometry type ${JSON.stringify(type)}`;
  return coordinatesProblem(type, coordinates, DEPTH[type]);
}

function coordinatesProblem(type: GeometryType, c: unknown, depth: number): string | undefined {
  if (depth === 0) return positionProblem(c);
  if (!Array.isArray(c)) return `${type} coordinates must be arrays`;
  for (const item of c) {
    const p = coordinatesProblem(type, item, depth - 1);
    if (p) return p;
  }
  if ((type === 'LineString' && depth === 1) || (type === 'MultiLineString' && depth === 1)) {
    if (c.length < 2) return 'a line needs at least 2 positions';
  }
  if ((type === 'Polygon' && depth === 1) || (type === 'MultiPolygon' && depth === 1)) {
    if (c.length < 4) return 'a polygon ring needs at least 4 positions';
    if (!samePosition(c[0], c[c.length - 1])) return 'a polygon ring must be closed';
  }
  if ((type === 'Polygon' && depth === 2) || (type === 'MultiPolygon' && depth === 2)) {
    if (c.length < 1) return 'a polygon needs a ring';
  }
  return undefined;
}

function positionProblem(p: unknown): string | undefined {
  if (!Array.isArray(p) || p.length < 2 || p.length > 3) return 'a position has 2 or 3 numbers';
  if (!p.every((n) => typeof n === 'number' && Number.isFinite(n)))
    return 'a position has finite numbers';
  return undefined;
}

function samePosition(a: unknown, b: unknown): boolean {
  return (
    Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => v === b[i])
  );
}

/** All positions of a valid geometry, flattened. */
export function positionsOf(g: Geometry): Position[] {
  switch (g.type) {
    case 'Point':
      return [g.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.flat();
    case 'MultiPolygon':
      return g.coordinates.flat(2);
  }
}

/** The bounding box of a valid geometry. */
export function bboxOf(g: Geometry): BBox {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const p of positionsOf(g)) {
    const x = p[0] ?? 0;
    const y = p[1] ?? 0;
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  return [minX, minY, maxX, maxY];
}
