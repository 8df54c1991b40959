// Public surface of the value rules: pure checkers for single cell values.

export {
  checkLatitude,
  checkLongitude,
  type GeoBounds,
  HOKKAIDO_BOUNDS,
  JAPAN_BOUNDS,
} from './check-coordinate.ts';
export { checkDate, type DateOptions } from './check-date.ts';
export { checkDateTime, type DateTimeOptions } from './check-date-time.ts';
export { checkFlag, type FlagOptions } from './check-flag.ts';
export { checkLatLng, type LatLngCheck, type LatLngOptions } from './check-lat-lng.ts';
export { checkMunicipalityCode, type MunicipalityCodeOptions } from './check-municipality-code.ts';
export { checkNumber, type NumberOptions } from './check-number.ts';
export { checkPhone } from './check-phone.ts';
export { checkPostalCode } from './check-postal-code.ts';
export { checkTextHygiene, hasFormulaPrefix } from './check-text-hygiene.ts';
export { checkTime } from './check-time.ts';
export { checkUrl } from './check-url.ts';
export { computeCheckDigit, hasValidCheckDigit } from './compute-check-digit.ts';
export { isPlaceholder } from './detect-placeholder.ts';
export { hasValidDigitCount } from './hyphenate-phone-number.ts';
export { FINDING_CODES, FINDING_SEVERITY, type ValueFindingCode } from './finding-codes.ts';
export type { FindingMessages } from './finding-message.ts';
export { MESSAGES } from './messages.ts';
export { type HalfWidthOptions, normalizeHalfWidth } from './normalize-half-width.ts';
export { normalizeHeaderName } from './normalize-header-name.ts';
export { type DateNotation, type ParsedDate, parseDate } from './parse-date.ts';
export { type ParsedTime, parseTime } from './parse-time.ts';
export type { FindingParams, Severity, ValueCheck, ValueFinding } from './types.ts';
