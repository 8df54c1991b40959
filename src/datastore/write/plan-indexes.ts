import { invalid } from '../../core/errors.ts';
import type { FieldDef, IndexDef } from '../fields/field-def.ts';

/** The indexes a table should have after a create or load, and which existing ones go. */
export interface IndexPlan {
  readonly primaryKey: readonly string[];
  /** Indexes to create (without names yet). */
  readonly create: ReadonlyArray<{ fields: readonly string[]; unique: boolean }>;
  /** Existing indexes to drop. */
  readonly drop: readonly IndexDef[];
  /** Existing indexes that stay. */
  readonly keep: readonly IndexDef[];
}

/**
 * CKAN's create_indexes: giving `primary_key` replaces the unique key, giving `indexes` replaces
 * the other indexes, and what is not given stays as it is.
 * @throws AppError validation naming `primary_key` or `indexes` for a field the table lacks.
 */
export function planIndexes(
  fields: readonly FieldDef[],
  current: { primaryKey: readonly string[]; indexes: readonly IndexDef[] },
  primaryKey: readonly string[] | undefined,
  indexes: ReadonlyArray<string | readonly string[]> | undefined,
): IndexPlan {
  const ids = new Set(fields.map((f) => f.id));
  const check = (key: string, names: readonly string[]) => {
    const bad = names.filter((n) => !ids.has(n));
    if (bad.length > 0) {
      throw invalid({
        [key]: bad.map((n) => `The field "${n}" is not a valid column name.`),
      });
    }
  };
  const drop: IndexDef[] = [];
  const keep: IndexDef[] = [];
  const create: Array<{ fields: readonly string[]; unique: boolean }> = [];

  const newKey = primaryKey === undefined ? undefined : [...new Set(primaryKey)];
  if (newKey) check('primary_key', newKey);
  const keyChanged = newKey !== undefined && !sameList(newKey, current.primaryKey);
  for (const index of current.indexes) {
    const replaced = index.unique ? keyChanged : indexes !== undefined;
    (replaced ? drop : keep).push(index);
  }
  if (keyChanged && newKey && newKey.length > 0) create.push({ fields: newKey, unique: true });
  if (indexes !== undefined) {
    const seen = new Set<string>();
    for (const entry of indexes) {
      const list = typeof entry === 'string' ? [entry] : [...entry];
      if (list.length === 0) continue;
      check('indexes', list);
      const signature = JSON.stringify(list);
      if (seen.has(signature)) continue;
      seen.add(signature);
      create.push({ fields: list, unique: false });
    }
  }
  return { primaryKey: newKey ?? current.primaryKey, create, drop, keep };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
