import { normalizeName, stripNumbering } from '../recognize/compare-names.ts';
import type { SchemaMatch } from '../recognize/match-schema.ts';
import type { FieldRule, SchemaField, StandardSchema } from '../schema-format.ts';

/** How one file column is checked. */
export interface ColumnPlan {
  /** 0-based column index. */
  index: number;
  header: string;
  /** The schema item, when the column is one. */
  field: SchemaField | null;
  /** Null: text hygiene only. */
  rule: FieldRule | null;
  /**
   * True when the rule was inferred from the header of a column outside the schema: its findings
   * are capped at warning and never fixed, since the column's meaning is a guess.
   */
  inferred: boolean;
  /** 必須: an empty cell is an error (never for `1`/empty flags, where empty means no). */
  required: boolean;
  unique: boolean;
  enumValues: readonly string[] | null;
  pattern: RegExp | null;
  minimum: number | undefined;
  maximum: number | undefined;
  list: boolean;
}

// Header endings that say what a local column holds (checked as warnings only).
const SUFFIX_RULES: Array<[RegExp, FieldRule]> = [
  [/(?:年月日|日付|作成日|更新日|開始日|終了日|指定日)$|date$/, 'date'],
  [/緯度$/, 'latitude'],
  [/経度$/, 'longitude'],
  [/郵便番号$/, 'postal_code'],
  [/(?:電話番号|fax番号)$/, 'phone'],
  [/^(?!.*(?:特記|備考|説明)).*(?:時間|時刻)$/, 'time'],
];

/** Builds the check plan of every column: from the schema match, or inferred for other columns. */
export function planColumns(
  header: readonly string[],
  match: SchemaMatch | null,
  universe: readonly StandardSchema[],
): ColumnPlan[] {
  return header.map((text, index) => {
    const mapped = match?.columns[index]?.field;
    const field = mapped ? match?.schema.fields.find((f) => f.name === mapped) : undefined;
    if (field) return planOf(index, text, field, false);
    const known = knownItem(text, universe);
    if (known) return planOf(index, text, known, true);
    const normalized = normalizeName(text);
    const suffix = SUFFIX_RULES.find(([re]) => re.test(normalized));
    return planOf(index, text, null, true, suffix ? suffix[1] : null);
  });
}

// Every plan is built here with the same property order: one hidden class for the hot loop.
function planOf(
  index: number,
  header: string,
  field: SchemaField | null,
  inferred: boolean,
  rule: FieldRule | null = field ? field.s5.rule : null,
): ColumnPlan {
  const c = field?.constraints;
  const plan: ColumnPlan = {
    index,
    header,
    field: inferred ? null : field,
    rule,
    inferred,
    // 災害種別_*: `1` = yes, empty = no (定義書A-03), so 必須 asks for the column, not a value.
    required:
      !inferred &&
      (c?.required ?? false) &&
      !(field?.s5.rule === 'flag' && c?.enum?.join() === '1'),
    unique: !inferred && (c?.unique ?? false),
    enumValues: c?.enum ?? null,
    pattern: c?.pattern === undefined ? null : new RegExp(c.pattern, 'u'),
    minimum: c?.minimum,
    maximum: c?.maximum,
    list: field?.s5.list ?? false,
  };
  return plan;
}

const itemsCache = new WeakMap<readonly StandardSchema[], Map<string, SchemaField>>();

/** A standard item of any schema whose name or alias the header spells (normalised). */
function knownItem(header: string, universe: readonly StandardSchema[]): SchemaField | undefined {
  let items = itemsCache.get(universe);
  if (!items) {
    items = new Map();
    for (const schema of universe) {
      for (const field of schema.fields) {
        for (const name of [field.name, ...field.s5.aliases]) {
          const key = normalizeName(name);
          if (!items.has(key)) items.set(key, field);
        }
      }
    }
    itemsCache.set(universe, items);
  }
  const normalized = normalizeName(header);
  return items.get(normalized) ?? items.get(stripNumbering(normalized) ?? '');
}
