/** PostgreSQL keeps identifiers of at most 63 bytes and silently truncates longer ones. */
export const MAX_FIELD_NAME_BYTES = 63;

/**
 * Why a field (column) name is not allowed, or null when it is. CKAN's rule
 * (`ckanext/datastore/helpers.py` is_valid_field_name): not empty, no surrounding spaces, not
 * starting with `_` (reserved for `_id`, `_full_text`), no `"`, no control characters; plus
 * PostgreSQL's identifier limit counted in bytes, so a Japanese name holds 21 characters.
 */
export function fieldNameProblem(name: string): string | null {
  if (name.length === 0) return 'must not be empty';
  if (name !== name.trim()) return 'must not start or end with spaces';
  if (name.startsWith('_')) return 'must not start with "_"';
  if (name.includes('"')) return 'must not contain "';
  if (/\p{C}/u.test(name)) return 'must not contain control characters';
  if (Buffer.byteLength(name, 'utf8') > MAX_FIELD_NAME_BYTES) {
    return `must be at most ${MAX_FIELD_NAME_BYTES} bytes in UTF-8 (21 Japanese characters)`;
  }
  return null;
}

/** Case-folded key: SQLite column names ignore case, so `Name` and `name` are one column. */
export function fieldKey(name: string): string {
  return name.toLowerCase();
}
