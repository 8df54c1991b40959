import { type CellResult, inspectCell, settle, type TypedCheck } from './check-cell.ts';
import type { Finding, RuleCheck } from './check-local-rules.ts';
import type { ColumnPlan } from './column-plan.ts';
import { detach } from './detach-string.ts';
import { isPlainCoordinatePair } from './fast-paths.ts';
import {
  checkLatLng,
  type GeoBounds,
  type LatLngCheck,
  type LatLngOptions,
} from './value-rules.ts';

// Bounded memo of the verdicts on flawed pairs, keyed by detached copies (memory flat in file size).
const MEMO_LIMIT = 2048;
const MEMO_TRIAL = 4096;

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

/** Checks the 緯度 and 経度 cells of a row together (swaps and the prefecture box need both). */
export class CoordinatePairChecker {
  readonly #lat: ColumnPlan;
  readonly #lng: ColumnPlan;
  readonly #bounds: GeoBounds | undefined;
  readonly #latLng: LatLngOnce;
  readonly #memo = new Map<string, [CellResult, CellResult]>();
  #memoOn = true;
  #lookups = 0;
  #hits = 0;

  constructor(lat: ColumnPlan, lng: ColumnPlan, bounds: GeoBounds | undefined) {
    this.#lat = lat;
    this.#lng = lng;
    this.#bounds = bounds;
    this.#latLng = new LatLngOnce(bounds ? { prefectureBounds: bounds } : {});
  }

  /** The verdicts on both cells, or undefined when the pair is empty or certainly clean. */
  check(cells: readonly string[]): [CellResult, CellResult] | undefined {
    const latValue = cells[this.#lat.index] ?? '';
    const lngValue = cells[this.#lng.index] ?? '';
    if (latValue === '' && lngValue === '') return undefined;
    if (isPlainCoordinatePair(latValue, lngValue, this.#bounds)) return undefined;
    if (!this.#memoOn) return this.#verdict(latValue, lngValue);
    const key = `${latValue}\u0000${lngValue}`;
    const cached = this.#memo.get(key);
    this.#lookups += 1;
    if (cached) {
      this.#hits += 1;
      return cached;
    }
    // Flawed pairs that never repeat (3-decimal coordinates, one per facility) switch the memo off.
    if (this.#lookups === MEMO_TRIAL && this.#hits * 4 < this.#lookups) {
      this.#memoOn = false;
      this.#memo.clear();
    }
    const result = this.#verdict(detach(latValue), detach(lngValue));
    if (this.#memoOn && this.#memo.size < MEMO_LIMIT) this.#memo.set(detach(key), result);
    return result;
  }

  #verdict(lat: string, lng: string): [CellResult, CellResult] {
    return [
      this.#side(this.#lat, lat, new PairSide('latitude', lng, this.#latLng)),
      this.#side(this.#lng, lng, new PairSide('longitude', lat, this.#latLng)),
    ];
  }

  #side(plan: ColumnPlan, value: string, typed: PairSide): CellResult {
    return settle(plan, value, inspectCell(plan, value, typed), typed);
  }
}
