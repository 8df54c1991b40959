import { type CellResult, inspectCell, settle, type TypedCheck } from './check-cell.ts';
import type { Finding, RuleCheck } from './check-local-rules.ts';
import type { ColumnPlan } from './column-plan.ts';
import { detach } from './detach-string.ts';
import { inBox, pairBox, plainDegrees, sixDecimalDegrees } from './fast-paths.ts';
import {
  checkLatLng,
  type GeoBounds,
  type LatLngCheck,
  type LatLngOptions,
} from './value-rules.ts';

// Bounded memo of the verdicts on flawed pairs, keyed by detached copies (memory flat in file size).
const MEMO_LIMIT = 2048;
const MEMO_TRIAL = 4096;
// Bounded memo of the halves of separable pairs, keyed by the half's value alone.
const HALF_LIMIT = 2048;

type Axis = 'latitude' | 'longitude';

/**
 * `checkLatLng` remembering its last answer: both sides of a pair ask it the same question (the
 * latitude side with its cleaned value, the longitude side likewise; most values need no cleaning).
 */
class LatLngOnce {
  readonly #options: LatLngOptions;
  #latitude = '';
  #longitude = '';
  #last: LatLngCheck | undefined;

  constructor(options: LatLngOptions) {
    this.#options = options;
  }

  check(latitude: string, longitude: string): LatLngCheck {
    if (this.#last && latitude === this.#latitude && longitude === this.#longitude)
      return this.#last;
    const result = checkLatLng(latitude, longitude, this.#options);
    this.#latitude = latitude;
    this.#longitude = longitude;
    this.#last = result;
    return result;
  }
}

/** One side of the joint 緯度/経度 check, as the typed check of that side's cell. */
class PairSide implements TypedCheck {
  readonly #axis: Axis;
  readonly #other: string;
  readonly #latLng: LatLngOnce;

  constructor(axis: Axis, other: string, latLng: LatLngOnce) {
    this.#axis = axis;
    this.#other = other;
    this.#latLng = latLng;
  }

  check(value: string): RuleCheck {
    const axis = this.#axis;
    const pair =
      axis === 'latitude'
        ? this.#latLng.check(value, this.#other)
        : this.#latLng.check(this.#other, value);
    // Findings about the pair (swapped, outside the prefecture) carry no field: both cells get them.
    const findings: Finding[] = [];
    for (const f of pair.findings)
      if (f.params?.field === undefined || f.params.field === axis) findings.push(f);
    const fixed = pair.fixed?.[axis];
    return fixed === undefined ? { findings } : { findings, fixed };
  }
}

/** The verdicts on the 緯度 and 経度 cells of a row; undefined for a cell with nothing to say. */
export type PairVerdict = readonly [CellResult | undefined, CellResult | undefined];

/** The verdict on a plain pair (six decimals, inside the bounds): nothing to say on either cell. */
export const PLAIN_PAIR: PairVerdict = Object.freeze([undefined, undefined] as const);

/** Checks the 緯度 and 経度 cells of a row together (swaps and the prefecture box need both). */
export class CoordinatePairChecker {
  readonly #lat: ColumnPlan;
  readonly #lng: ColumnPlan;
  readonly #latIndex: number;
  readonly #lngIndex: number;
  /** `pairBox(bounds)`, computed once: every row is tested against it. */
  readonly #box: GeoBounds;
  readonly #latLng: LatLngOnce;
  readonly #memo = new Map<string, PairVerdict>();
  #memoOn = true;
  #lookups = 0;
  #hits = 0;
  readonly #latHalves = new Map<string, CellResult>();
  readonly #lngHalves = new Map<string, CellResult>();

  constructor(lat: ColumnPlan, lng: ColumnPlan, bounds: GeoBounds | undefined) {
    this.#lat = lat;
    this.#lng = lng;
    this.#latIndex = lat.index;
    this.#lngIndex = lng.index;
    this.#box = pairBox(bounds);
    this.#latLng = new LatLngOnce(bounds ? { prefectureBounds: bounds } : {});
  }

  /** The verdicts on both cells: undefined for an empty pair, `PLAIN_PAIR` for a plain one. */
  check(cells: readonly string[]): PairVerdict | undefined {
    const latValue = cells[this.#latIndex] ?? '';
    const lngValue = cells[this.#lngIndex] ?? '';
    if (latValue === '' && lngValue === '') return undefined;
    // `isPlainCoordinatePair`, then `isSeparablePair`, against the box computed once.
    const box = this.#box;
    if (inBox(sixDecimalDegrees(latValue), sixDecimalDegrees(lngValue), box)) return PLAIN_PAIR;
    // 3-decimal coordinates, one pair per facility, never repeat as pairs but their halves do.
    if (inBox(plainDegrees(latValue), plainDegrees(lngValue), box))
      return [
        this.#half('latitude', latValue, lngValue),
        this.#half('longitude', lngValue, latValue),
      ];
    if (!this.#memoOn) return this.#verdict(latValue, lngValue);
    const key = `${latValue}\u0000${lngValue}`;
    const cached = this.#memo.get(key);
    this.#lookups += 1;
    if (cached) {
      this.#hits += 1;
      return cached;
    }
    // Flawed pairs that never repeat switch the memo off.
    if (this.#lookups === MEMO_TRIAL && this.#hits * 4 < this.#lookups) {
      this.#memoOn = false;
      this.#memo.clear();
    }
    const result = this.#verdict(detach(latValue), detach(lngValue));
    if (this.#memoOn && this.#memo.size < MEMO_LIMIT) this.#memo.set(detach(key), result);
    return result;
  }

  /**
   * One half of a separable pair (`isSeparablePair`): its verdict depends on its own value only,
   * so it is computed once per value, with the row's other half, and remembered.
   */
  #half(axis: Axis, value: string, other: string): CellResult | undefined {
    // Six decimals inside the box: nothing to say (the other half is the flawed one).
    if (!Number.isNaN(sixDecimalDegrees(value))) return undefined;
    const halves = axis === 'latitude' ? this.#latHalves : this.#lngHalves;
    const cached = halves.get(value);
    if (cached) return cached;
    const plan = axis === 'latitude' ? this.#lat : this.#lng;
    const key = detach(value);
    const result = this.#side(plan, key, new PairSide(axis, detach(other), this.#latLng));
    if (halves.size < HALF_LIMIT) halves.set(key, result);
    return result;
  }

  #verdict(lat: string, lng: string): PairVerdict {
    return [
      this.#side(this.#lat, lat, new PairSide('latitude', lng, this.#latLng)),
      this.#side(this.#lng, lng, new PairSide('longitude', lat, this.#latLng)),
    ];
  }

  #side(plan: ColumnPlan, value: string, typed: PairSide): CellResult {
    return settle(plan, value, inspectCell(plan, value, typed), typed);
  }
}
