import { curie, type LiteralTerm, literal } from './terms.ts';

const YEAR = /^\d{4}$/;
const YEAR_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A date as ckanext-dcat types it: xsd:gYear, xsd:gYearMonth, xsd:date or xsd:dateTime, else a
 * plain literal. CKAN wire timestamps are UTC without a zone, so a missing zone becomes `Z`
 * (ckanext-dcat leaves it off; stating it keeps the instant unambiguous).
 */
export function dateLiteral(value: string): LiteralTerm | null {
  const v = value.trim();
  if (v === '') return null;
  if (YEAR.test(v)) return literal(v, { datatype: curie('xsd', 'gYear') });
  if (YEAR_MONTH.test(v)) return literal(v, { datatype: curie('xsd', 'gYearMonth') });
  if (DATE.test(v)) return literal(v, { datatype: curie('xsd', 'date') });
  const m = DATE_TIME.exec(v);
  if (!m) return literal(v);
  const [, day, minutes, seconds = ':00', fraction = '', zone = 'Z'] = m;
  // Trailing zeros of CKAN's microseconds carry nothing: `.123000` → `.123`, `.000000` → ''.
  const frac = fraction.replace(/0+$/, '').replace(/^\.$/, '');
  const tz = zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
  return literal(`${day}T${minutes}${seconds}${frac}${tz}`, { datatype: curie('xsd', 'dateTime') });
}
