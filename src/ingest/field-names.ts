/** PostgreSQL identifiers hold at most 63 bytes (the datastore's field name rule). */
const MAX_BYTES = 63;

/**
 * Turns a file's header into datastore field ids: trimmed, without the characters the field
 * name rule refuses (leading `_`, `"`, control characters), cut to 63 bytes, never empty
 * (`column_3`) and unique ignoring case (`住所_2`), since SQLite column names ignore case.
 */
export function headerToFieldIds(header: readonly string[]): string[] {
  const seen = new Set<string>();
  return header.map((raw, index) => {
    const base = cutToBytes(cleanName(raw), MAX_BYTES - 4) || `column_${index + 1}`;
    let id = base;
    for (let n = 2; seen.has(id.toLowerCase()); n++) id = `${base}_${n}`;
    seen.add(id.toLowerCase());
    return id;
  });
}

function cleanName(raw: string): string {
  return raw
    .replace(/\p{C}/gu, '')
    .replaceAll('"', '')
    .trim()
    .replace(/^[_\s]+/, '')
    .trim();
}

function cutToBytes(text: string, max: number): string {
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    bytes += Buffer.byteLength(ch, 'utf8');
    if (bytes > max) break;
    out += ch;
  }
  return out.trim();
}
