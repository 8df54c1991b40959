import { type GeoBounds, HOKKAIDO_BOUNDS } from './value-rules.ts';

// Bounding boxes of the prefectures s5 is deployed in; others get no area check yet.
const BOUNDS: Record<string, GeoBounds> = { '01': HOKKAIDO_BOUNDS };

/** The area box of a prefecture code (`'01'`), or undefined when s5 has none for it. */
export function prefectureBounds(prefectureCode: string | undefined): GeoBounds | undefined {
  return prefectureCode === undefined ? undefined : BOUNDS[prefectureCode.padStart(2, '0')];
}
