import type { Geometry, Position } from '../model/geojson.ts';
import type { GeoQuery } from './geo-query.ts';

/**
 * Exact geo relations on GeoJSON in longitude/latitude, treated as a plane except for
 * distances (haversine, metres). Good for city- and prefecture-sized shapes; the SQL bbox
 * prefilter has already removed what cannot match.
 */
export function geoMatches(value: Geometry, q: GeoQuery): boolean {
  const target = q.geometry;
  switch (q.georel.rel) {
    case 'near': {
      const d = distanceMetres(target.coordinates as Position, value); // near takes a Point
      if (q.georel.maxDistance !== undefined && d > q.georel.maxDistance) return false;
      if (q.georel.minDistance !== undefined && d < q.georel.minDistance) return false;
      return true;
    }
    case 'within':
      return within(value, target);
    case 'contains':
      return within(target, value);
    case 'intersects':
      return intersects(value, target);
    case 'disjoint':
      return !intersects(value, target);
    case 'equals':
      return (
        JSON.stringify(value.coordinates) === JSON.stringify(target.coordinates) &&
        value.type === target.type
      );
    case 'overlaps':
      return intersects(value, target) && !within(value, target) && !within(target, value);
  }
}

interface Parts {
  points: Position[];
  segments: Array<[Position, Position]>;
  /** Polygons as rings (first outer, then holes). */
  polygons: Position[][][];
}

function parts(g: Geometry): Parts {
  const p: Parts = { points: [], segments: [], polygons: [] };
  const line = (coords: Position[]) => {
    for (let i = 1; i < coords.length; i++)
      p.segments.push([coords[i - 1] as Position, coords[i] as Position]);
  };
  switch (g.type) {
    case 'Point':
      p.points.push(g.coordinates);
      break;
    case 'MultiPoint':
      p.points.push(...g.coordinates);
      break;
    case 'LineString':
      p.points.push(...g.coordinates);
      line(g.coordinates);
      break;
    case 'MultiLineString':
      for (const l of g.coordinates) {
        p.points.push(...l);
        line(l);
      }
      break;
    case 'Polygon':
      p.polygons.push(g.coordinates);
      for (const ring of g.coordinates) {
        p.points.push(...ring);
        line(ring);
      }
      break;
    case 'MultiPolygon':
      for (const poly of g.coordinates) {
        p.polygons.push(poly);
        for (const ring of poly) {
          p.points.push(...ring);
          line(ring);
        }
      }
      break;
  }
  return p;
}

/** Whether every point of `a` lies inside or on `b` and no edge of `a` leaves `b`. */
export function within(a: Geometry, b: Geometry): boolean {
  const pa = parts(a);
  const pb = parts(b);
  if (pb.polygons.length === 0) {
    // Only points can be within points or lines: every point of a must be on b.
    if (pa.segments.length > 0) return false;
    return pa.points.every((pt) => onAny(pt, pb));
  }
  if (!pa.points.every((pt) => pb.polygons.some((poly) => inPolygon(pt, poly, true)))) return false;
  // An edge of a that properly crosses an edge of b leaves b somewhere.
  return !pa.segments.some((s) => pb.segments.some((t) => properCross(s, t)));
}

/** Whether two geometries share at least one point. */
export function intersects(a: Geometry, b: Geometry): boolean {
  const pa = parts(a);
  const pb = parts(b);
  if (
    pa.points.some((pt) => onAny(pt, pb) || pb.polygons.some((poly) => inPolygon(pt, poly, true)))
  )
    return true;
  if (
    pb.points.some((pt) => onAny(pt, pa) || pa.polygons.some((poly) => inPolygon(pt, poly, true)))
  )
    return true;
  return pa.segments.some((s) => pb.segments.some((t) => segmentsTouch(s, t)));
}

function onAny(pt: Position, p: Parts): boolean {
  return p.points.some((q) => same(pt, q)) || p.segments.some(([s, t]) => onSegment(pt, s, t));
}

function same(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

function x(p: Position): number {
  return p[0] ?? 0;
}
function y(p: Position): number {
  return p[1] ?? 0;
}

function cross(o: Position, a: Position, b: Position): number {
  return (x(a) - x(o)) * (y(b) - y(o)) - (y(a) - y(o)) * (x(b) - x(o));
}

function onSegment(p: Position, a: Position, b: Position): boolean {
  if (Math.abs(cross(a, b, p)) > 1e-12) return false;
  return (
    Math.min(x(a), x(b)) - 1e-12 <= x(p) &&
    x(p) <= Math.max(x(a), x(b)) + 1e-12 &&
    Math.min(y(a), y(b)) - 1e-12 <= y(p) &&
    y(p) <= Math.max(y(a), y(b)) + 1e-12
  );
}

function properCross([a, b]: [Position, Position], [c, d]: [Position, Position]): boolean {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  return d1 * d2 < 0 && d3 * d4 < 0;
}

function segmentsTouch(s: [Position, Position], t: [Position, Position]): boolean {
  return (
    properCross(s, t) ||
    onSegment(s[0], t[0], t[1]) ||
    onSegment(s[1], t[0], t[1]) ||
    onSegment(t[0], s[0], s[1]) ||
    onSegment(t[1], s[0], s[1])
  );
}

/** Point in polygon (even-odd over all rings, so holes count); `boundary` says what an edge is. */
function inPolygon(pt: Position, rings: Position[][], boundary: boolean): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i] as Position;
      const b = ring[j] as Position;
      if (onSegment(pt, a, b)) return boundary;
      if (
        y(a) > y(pt) !== y(b) > y(pt) &&
        x(pt) < ((x(b) - x(a)) * (y(pt) - y(a))) / (y(b) - y(a)) + x(a)
      )
        inside = !inside;
    }
  }
  return inside;
}

const EARTH_RADIUS = 6_371_008.8;

/** Great-circle distance in metres between two lon/lat positions. */
export function haversine(a: Position, b: Position): number {
  const rad = Math.PI / 180;
  const dLat = (y(b) - y(a)) * rad;
  const dLon = (x(b) - x(a)) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(y(a) * rad) * Math.cos(y(b) * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Distance in metres from a point to a geometry (0 inside a polygon). */
export function distanceMetres(pt: Position, g: Geometry): number {
  const p = parts(g);
  if (p.polygons.some((poly) => inPolygon(pt, poly, true))) return 0;
  let best = Number.POSITIVE_INFINITY;
  for (const q of p.points) best = Math.min(best, haversine(pt, q));
  for (const [a, b] of p.segments) best = Math.min(best, haversine(pt, closestOnSegment(pt, a, b)));
  return best;
}

function closestOnSegment(p: Position, a: Position, b: Position): Position {
  // Scale longitude by cos(latitude) so the projection is right on a local plane.
  const k = Math.cos((y(p) * Math.PI) / 180);
  const ax = x(a) * k;
  const bx = x(b) * k;
  const px = x(p) * k;
  const dx = bx - ax;
  const dy = y(b) - y(a);
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (y(p) - y(a)) * dy) / len));
  return [x(a) + (x(b) - x(a)) * t, y(a) + dy * t];
}
