import { type GeoBounds, inspectAnalysis, JAPAN_BOUNDS, withinAxis } from './check-coordinate.ts';
import { finding, isConforming } from './check-result.ts';
import { type Axis, analyseCoordinate, type CoordinateAnalysis } from './parse-coordinate.ts';
import type { ValueFinding } from './types.ts';

/** Options of `checkLatLng`. */
export interface LatLngOptions {
  /** The publisher's prefecture; a point inside Japan but outside it gets a warning. */
  prefectureBounds?: GeoBounds;
}

/** The verdict on a 緯度/経度 pair; findings carry `params.field` = `latitude` or `longitude`. */
export interface LatLngCheck {
  ok: boolean;
  findings: ValueFinding[];
  /** Both conforming values when they can be derived with certainty (a swap, DMS, width). */
  fixed?: { latitude: string; longitude: string };
}

interface PairInspection {
  findings: ValueFinding[];
  candidate?: { latitude: string; longitude: string };
}

function tag(findings: readonly ValueFinding[], field: Axis): ValueFinding[] {
  return findings.map((f) => ({ ...f, params: { ...f.params, field } }));
}

function degreesOf(a: CoordinateAnalysis): number | undefined {
  return a.parsed.kind === 'decimal' || a.parsed.kind === 'dms' ? a.parsed.degrees : undefined;
}

/**
 * True when the value reads as that axis: its hemisphere mark says so, it lies in Japan's range
 * for the axis, or (longitude only) it is beyond ±90 and so cannot be a latitude.
 */
function looksLike(a: CoordinateAnalysis, axis: Axis): boolean {
  const degrees = degreesOf(a);
  if (degrees === undefined) return false;
  if (a.parsed.kind === 'dms' && a.parsed.axis !== undefined) return a.parsed.axis === axis;
  if (axis === 'longitude' && Math.abs(degrees) > 90) return true;
  return withinAxis(degrees, axis, JAPAN_BOUNDS);
}

function inspectPair(latitude: string, longitude: string, options: LatLngOptions): PairInspection {
  const lat = analyseCoordinate(latitude);
  const lng = analyseCoordinate(longitude);
  const latEmpty = lat.parsed.kind === 'empty';
  const lngEmpty = lng.parsed.kind === 'empty';
  if (latEmpty && lngEmpty) return { findings: [] };
  if (latEmpty !== lngEmpty) {
    const field: Axis = latEmpty ? 'latitude' : 'longitude';
    const present = latEmpty ? lng : lat;
    const missing = finding('coordinate_pair_incomplete', { field });
    return { findings: [missing, ...tag(present.findings, latEmpty ? 'longitude' : 'latitude')] };
  }
  const latDeg = degreesOf(lat);
  const lngDeg = degreesOf(lng);
  const swapped =
    latDeg !== undefined &&
    lngDeg !== undefined &&
    looksLike(lat, 'longitude') &&
    looksLike(lng, 'latitude') &&
    !(looksLike(lat, 'latitude') && looksLike(lng, 'longitude'));
  if (swapped) {
    const params = { latitude: lat.found, longitude: lng.found };
    const base = [...tag(lat.findings, 'latitude'), ...tag(lng.findings, 'longitude')];
    const findings = [finding('coordinates_swapped', params), ...base];
    // Swap only when both swapped values land inside Japan.
    const lands =
      withinAxis(lngDeg, 'latitude', JAPAN_BOUNDS) && withinAxis(latDeg, 'longitude', JAPAN_BOUNDS);
    const candidate =
      lands && lat.candidate !== undefined && lng.candidate !== undefined
        ? { latitude: lng.candidate, longitude: lat.candidate }
        : undefined;
    return candidate === undefined ? { findings } : { findings, candidate };
  }
  const latSide = inspectAnalysis(lat, 'latitude');
  const lngSide = inspectAnalysis(lng, 'longitude');
  const findings = [...tag(latSide.findings, 'latitude'), ...tag(lngSide.findings, 'longitude')];
  const bounds = options.prefectureBounds;
  if (
    bounds !== undefined &&
    latDeg !== undefined &&
    lngDeg !== undefined &&
    isConforming(findings)
  ) {
    const inside =
      withinAxis(latDeg, 'latitude', bounds) && withinAxis(lngDeg, 'longitude', bounds);
    if (!inside) {
      const params = { latitude: lat.found, longitude: lng.found };
      findings.push(finding('coordinates_outside_prefecture', params));
    }
  }
  const candidate =
    latSide.candidate !== undefined || lngSide.candidate !== undefined
      ? { latitude: latSide.candidate ?? lat.found, longitude: lngSide.candidate ?? lng.found }
      : undefined;
  return candidate === undefined ? { findings } : { findings, candidate };
}

/**
 * Checks a 緯度/経度 pair: each as `checkLatitude`/`checkLongitude`, plus a missing half, swapped
 * columns (fixed only when the swap lands inside Japan) and, given bounds, a point outside the
 * prefecture (warning).
 */
export function checkLatLng(
  latitude: string,
  longitude: string,
  options: LatLngOptions = {},
): LatLngCheck {
  const first = inspectPair(latitude, longitude, options);
  const ok = isConforming(first.findings);
  const candidate = first.candidate;
  const unchanged =
    candidate === undefined ||
    (candidate.latitude === latitude && candidate.longitude === longitude);
  if (unchanged || first.findings.length === 0) return { ok, findings: first.findings };
  const again = inspectPair(candidate.latitude, candidate.longitude, options);
  const settled =
    again.candidate === undefined ||
    (again.candidate.latitude === candidate.latitude &&
      again.candidate.longitude === candidate.longitude);
  return isConforming(again.findings) && settled
    ? { ok, findings: first.findings, fixed: candidate }
    : { ok, findings: first.findings };
}
