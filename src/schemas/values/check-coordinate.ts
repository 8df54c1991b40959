import { finalizeCheck, finding, type Inspection } from './check-result.ts';
import { type Axis, analyseCoordinate, type CoordinateAnalysis } from './parse-coordinate.ts';
import type { ValueCheck, ValueFinding } from './types.ts';

/** A latitude/longitude box in decimal degrees. */
export interface GeoBounds {
  south: number;
  north: number;
  west: number;
  east: number;
}

/** Japan, roughly (沖ノ鳥島 to 択捉島, 与那国島 to 南鳥島); the box the OpenDataTools validator uses. */
export const JAPAN_BOUNDS: GeoBounds = { south: 20, north: 46, west: 122, east: 154 };

/**
 * Hokkaido incl. its islands and the 北方領土 villages, with a small margin (approximate extremes
 * from general geography, not from a survey source: 白神岬 41.4°N, 宗谷岬 45.5°N, 奥尻島 139.3°E).
 */
export const HOKKAIDO_BOUNDS: GeoBounds = { south: 41.3, north: 45.6, west: 139.2, east: 149.0 };

/** True when the degrees lie within the bounds' range for that axis. */
export function withinAxis(degrees: number, axis: Axis, bounds: GeoBounds): boolean {
  return axis === 'latitude'
    ? degrees >= bounds.south && degrees <= bounds.north
    : degrees >= bounds.west && degrees <= bounds.east;
}

/** Range and hemisphere findings of one coordinate taken alone. */
export function inspectCoordinate(value: string, axis: Axis): Inspection {
  return inspectAnalysis(analyseCoordinate(value), axis);
}

/** `inspectCoordinate` on a value already analysed (the pair check analyses each value once). */
export function inspectAnalysis(analysis: CoordinateAnalysis, axis: Axis): Inspection {
  const { parsed, found } = analysis;
  const wrongAxis = parsed.kind === 'dms' && parsed.axis !== undefined && parsed.axis !== axis;
  if (wrongAxis) return { findings: [finding('coordinate_invalid', { found })] };
  const findings: ValueFinding[] = [...analysis.findings];
  if (parsed.kind === 'decimal' || parsed.kind === 'dms') {
    if (!withinAxis(parsed.degrees, axis, JAPAN_BOUNDS)) {
      const code = axis === 'latitude' ? 'latitude_outside_japan' : 'longitude_outside_japan';
      findings.push(finding(code, { found }));
    }
  }
  return { findings, candidate: analysis.candidate };
}

/**
 * Checks a 緯度 in decimal degrees (GIF: 6 decimals, JGD2011): outside Japan is an error, fewer
 * or more than 6 decimals a notice; DMS and full-width digits are fixed, text is an error.
 */
export function checkLatitude(value: string): ValueCheck {
  return finalizeCheck(value, inspectLatitude(value), inspectLatitude);
}

/** Checks a 経度 the same way as `checkLatitude`, with Japan's longitude range. */
export function checkLongitude(value: string): ValueCheck {
  return finalizeCheck(value, inspectLongitude(value), inspectLongitude);
}

function inspectLatitude(value: string): Inspection {
  return inspectCoordinate(value, 'latitude');
}

function inspectLongitude(value: string): Inspection {
  return inspectCoordinate(value, 'longitude');
}
