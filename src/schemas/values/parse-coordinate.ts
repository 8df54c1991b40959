import { finding } from './check-result.ts';
import { isPlaceholder } from './detect-placeholder.ts';
import { toAsciiValue } from './normalize-half-width.ts';
import type { ValueFinding } from './types.ts';

/** Which coordinate a value is (緯度 or 経度). */
export type Axis = 'latitude' | 'longitude';

/** What a coordinate cell holds, before any range check. */
export type ParsedCoordinate =
  | { kind: 'empty' }
  | { kind: 'placeholder' }
  | { kind: 'invalid' }
  /** Decimal degrees; `text` is the value in half-width ASCII. */
  | { kind: 'decimal'; degrees: number; text: string; decimals: number }
  /** Degrees-minutes-seconds or a hemisphere letter; `text` is the exact decimal conversion. */
  | { kind: 'dms'; degrees: number; text: string; axis?: Axis };

/** A parsed coordinate with the findings that do not depend on its range. */
export interface CoordinateAnalysis {
  found: string;
  parsed: ParsedCoordinate;
  findings: ValueFinding[];
  candidate?: string;
}

const DECIMAL = /^-?\d{1,3}(?:\.(\d+))?$/;
const DMS =
  /^(北緯|南緯|東経|西経|[NSEW])?\s*(\d{1,3}(?:\.\d+)?)\s*(?:°|º|度)\s*(?:(\d{1,2}(?:\.\d+)?)\s*(?:′|'|’|分)\s*(?:(\d{1,2}(?:\.\d+)?)\s*(?:″|"|”|''|′′|秒)\s*)?)?([NSEW])?$/i;
const HEMISPHERE_DECIMAL = /^(?:([NSEW])\s*(\d{1,3}(?:\.\d+)?)|(\d{1,3}(?:\.\d+)?)\s*([NSEW]))$/i;

// GIF 地理情報: decimal degrees, 6 decimals as the rule.
const GIF_DECIMALS = 6;

/** Formats degrees with at most six decimals and no trailing zeros (`43.05`, `43.064306`). */
export function formatDegrees(degrees: number): string {
  const text = degrees.toFixed(GIF_DECIMALS).replace(/0+$/, '').replace(/\.$/, '');
  return text === '-0' ? '0' : text;
}

function hemisphere(mark: string | undefined): { sign: number; axis?: Axis } {
  if (mark === undefined || mark === '') return { sign: 1 };
  const m = mark.toUpperCase();
  const axis: Axis =
    m === 'N' || m === 'S' || m === '北緯' || m === '南緯' ? 'latitude' : 'longitude';
  const negative = m === 'S' || m === 'W' || m === '南緯' || m === '西経';
  return { sign: negative ? -1 : 1, axis };
}

function fromDms(text: string): ParsedCoordinate {
  const dms = DMS.exec(text);
  if (dms !== null) {
    if (dms[1] !== undefined && dms[5] !== undefined) return { kind: 'invalid' };
    const [deg, min, sec] = [dms[2] ?? '', dms[3], dms[4]];
    // A fraction is only meaningful on the last component written (43.5°30′ is not a coordinate).
    if ((min !== undefined && deg.includes('.')) || (sec !== undefined && min?.includes('.'))) {
      return { kind: 'invalid' };
    }
    const minutes = Number(min ?? 0);
    const seconds = Number(sec ?? 0);
    if (minutes >= 60 || seconds >= 60) return { kind: 'invalid' };
    const { sign, axis } = hemisphere(dms[1] ?? dms[5]);
    const degrees = sign * (Number(deg) + minutes / 60 + seconds / 3600);
    const converted = formatDegrees(degrees);
    return axis === undefined
      ? { kind: 'dms', degrees: Number(converted), text: converted }
      : { kind: 'dms', degrees: Number(converted), text: converted, axis };
  }
  const hemi = HEMISPHERE_DECIMAL.exec(text);
  if (hemi === null) return { kind: 'invalid' };
  const { sign, axis } = hemisphere(hemi[1] ?? hemi[4]);
  const converted = formatDegrees(sign * Number(hemi[2] ?? hemi[3]));
  return axis === undefined
    ? { kind: 'dms', degrees: Number(converted), text: converted }
    : { kind: 'dms', degrees: Number(converted), text: converted, axis };
}

/** Parses a 緯度/経度 cell (decimal degrees, DMS, full-width digits) and reports notation findings. */
export function analyseCoordinate(value: string): CoordinateAnalysis {
  const found = value.trim();
  if (found === '') return { found, parsed: { kind: 'empty' }, findings: [] };
  // No placeholder starts with an ASCII digit, and most coordinates do.
  const head = found.charCodeAt(0);
  if ((head < 0x30 || head > 0x39) && isPlaceholder(found)) {
    const findings = [finding('placeholder_value', { found })];
    return { found, parsed: { kind: 'placeholder' }, findings, candidate: '' };
  }
  const ascii = toAsciiValue(found, { symbols: '.-+ \'"', hyphens: true });
  const text = ascii.text.trim();
  const decimal = DECIMAL.exec(text);
  if (decimal !== null) {
    const decimals = decimal[1]?.length ?? 0;
    const parsed: ParsedCoordinate = { kind: 'decimal', degrees: Number(text), text, decimals };
    const findings = [...ascii.findings];
    if (decimals < GIF_DECIMALS)
      findings.push(finding('coordinate_precision_low', { found, decimals }));
    if (decimals > GIF_DECIMALS)
      findings.push(finding('coordinate_precision_high', { found, decimals }));
    return { found, parsed, findings, candidate: text };
  }
  const parsed = fromDms(text);
  if (parsed.kind === 'dms') {
    const dms = finding('coordinate_dms', { found, expected: parsed.text });
    return { found, parsed, findings: [...ascii.findings, dms], candidate: parsed.text };
  }
  return { found, parsed, findings: [...ascii.findings, finding('coordinate_invalid', { found })] };
}
