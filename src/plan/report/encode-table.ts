import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { KPI_TABLE_HEADERS, type KpiTableRow } from './report-table.ts';

/** The KPI table as CSV text: Japanese headers, CRLF line ends, empty cells for missing values. */
export function kpiTableCsv(rows: readonly KpiTableRow[]): string {
  const keys = Object.keys(KPI_TABLE_HEADERS) as Array<keyof KpiTableRow>; // the header record lists every key
  return Papa.unparse(
    {
      fields: keys.map((k) => KPI_TABLE_HEADERS[k]),
      data: rows.map((r) => keys.map((k) => r[k] ?? '')),
    },
    { newline: '\r\n' },
  );
}

/**
 * UTF-8 with a byte order mark: Excel, which many staff and residents open CSV files with,
 * reads BOM-less UTF-8 as CP932 and garbles Japanese; tools that dislike the BOM can take the
 * JSON file or strip three bytes.
 */
export function encodeUtf8Bom(text: string): Uint8Array {
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

/**
 * Unicode code points whose CP932 form is another code point (the JIS → Unicode mappings differ):
 * mapping them first keeps 〜 and − from turning into '?'.
 */
const CP932_EQUIVALENTS: Record<string, string> = {
  '\u301c': '\uff5e', // WAVE DASH → FULLWIDTH TILDE
  '\u2212': '\uff0d', // MINUS SIGN → FULLWIDTH HYPHEN-MINUS
  '\u2016': '\u2225', // DOUBLE VERTICAL LINE → PARALLEL TO
  '\u2014': '\u2015', // EM DASH → HORIZONTAL BAR
  '\u00a2': '\uffe0',
  '\u00a3': '\uffe1',
  '\u00ac': '\uffe2',
};

/**
 * CP932 (Windows Shift_JIS), for software that reads nothing else. Characters CP932 lacks
 * (e.g. 𠮷, emoji) become '?': the UTF-8 file is the complete one.
 */
export function encodeCp932(text: string): Uint8Array {
  let mapped = '';
  for (const ch of text) mapped += CP932_EQUIVALENTS[ch] ?? ch;
  return iconv.encode(mapped, 'cp932');
}
