/**
 * A field type for a result column that is not a datastore column (an expression, an aggregate),
 * from its values: CKAN reports PostgreSQL's type, which only the database knows for sure.
 */
export function inferFieldType(values: readonly unknown[]): string {
  let type: string | null = null;
  for (const v of values) {
    if (v === null || v === undefined) continue;
    const t =
      typeof v === 'boolean'
        ? 'bool'
        : typeof v === 'number'
          ? Number.isInteger(v)
            ? 'int8'
            : 'float8'
          : typeof v === 'object'
            ? 'json'
            : 'text';
    if (type === null || type === t) type = t;
    else if ((type === 'int8' && t === 'float8') || (type === 'float8' && t === 'int8'))
      type = 'float8';
    else return 'text';
  }
  return type ?? 'text';
}
