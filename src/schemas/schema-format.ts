import { z } from 'zod';

/**
 * The format of `schemas/standard/*.json`: a Frictionless Table Schema (fields, constraints,
 * primaryKey, missingValues) plus an `s5` extension object at the top and on every field, for
 * what Table Schema has no word for (区分, Japanese/English names, value rules, verification).
 */

/** Value checkers a field can name; the validator maps each to one checker. */
export const FIELD_RULES = [
  'municipality_code',
  'date',
  'datetime',
  'time',
  'time_remarks',
  'phone',
  'postal_code',
  'latitude',
  'longitude',
  'flag',
  'integer',
  'number',
  'url',
  'email',
  'enum',
  'kana',
  'halfwidth',
  'address',
  'text',
] as const;
export type FieldRule = (typeof FIELD_RULES)[number];

/** 区分: 必須 ◎ / 推奨 ○ / 任意 (blank). */
export const FIELD_LEVELS = ['required', 'recommended', 'optional'] as const;
export type FieldLevel = (typeof FIELD_LEVELS)[number];

const MARK_OF_LEVEL: Record<FieldLevel, string> = { required: '◎', recommended: '○', optional: '' };

/** The generations: 定義書A (current) and the older 推奨データセット (legacy). */
export const GENERATIONS = ['current', 'legacy'] as const;
export type Generation = (typeof GENERATIONS)[number];

/** How a column list was established (standard-datasets.md, "Verification levels"). */
export const VERIFICATION_LEVELS = ['verified', 'corroborated', 'partial', 'unverified'] as const;

const text = z.string().min(1);
const bilingual = z.strictObject({ ja: text, en: text });

const constraintsFormat = z.strictObject({
  required: z.boolean().optional(),
  unique: z.boolean().optional(),
  enum: z.array(z.string()).min(1).optional(),
  pattern: z.string().optional(),
  minimum: z.number().optional(),
  maximum: z.number().optional(),
  minLength: z.number().int().nonnegative().optional(),
  maxLength: z.number().int().positive().optional(),
});

const fieldExtensionFormat = z.strictObject({
  /** 区分 */
  level: z.enum(FIELD_LEVELS),
  /** The mark as printed in the definition book: ◎, ○ or blank. */
  mark: z.enum(['◎', '○', '']),
  /** 項目名 */
  nameJa: text,
  /** English item name (英語名); official where the book gives one. */
  nameEn: text,
  /** Other headers seen in real files for this item (English/IMI names, old spellings). */
  aliases: z.array(text).default([]),
  rule: z.enum(FIELD_RULES),
  /** 形式 as written in the definition book, e.g. 文字列（半角数字）. */
  formatJa: z.string().optional(),
  /** Several values in one cell, separated by 「;」. */
  list: z.boolean().optional(),
});

const fieldFormat = z.strictObject({
  name: text,
  title: z.string().optional(),
  description: z.string().optional(),
  type: z.enum(['string', 'number', 'integer', 'date', 'time', 'datetime', 'boolean', 'any']),
  format: z.string().optional(),
  example: z.string().optional(),
  constraints: constraintsFormat.optional(),
  s5: fieldExtensionFormat,
});

const schemaExtensionFormat = z.strictObject({
  /** Equals the file name without `.json`: `<no>-<slug>`, optionally `-<version>`. */
  id: z.string().regex(/^[a-z][0-9]{2}-[a-z0-9_]+(-[0-9]{8})?$/),
  generation: z.enum(GENERATIONS),
  /** Dataset number in its definition book, two digits. */
  datasetNumber: z.string().regex(/^[0-9]{2}$/),
  /** Official file-name slug: `<6-digit code>_<slug>.csv`. */
  slug: z.string().regex(/^[a-z0-9_]+$/),
  title: bilingual,
  definition: z.strictObject({
    book: text,
    version: text,
    date: z
      .string()
      .regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/)
      .optional(),
  }),
  /** True only when the column list was taken from the official definition book. */
  verified: z.boolean(),
  verification: z.enum(VERIFICATION_LEVELS),
  sources: z.array(text).min(1),
  notes: bilingual.optional(),
  /** False when the column list is too thin to recognise a file by its header. */
  recognize: z.boolean().default(true),
});

/** A schema file as parsed and checked. */
export const standardSchemaFormat = z
  .strictObject({
    $schema: z.string().optional(),
    s5: schemaExtensionFormat,
    fields: z.array(fieldFormat).min(1),
    primaryKey: z.array(text).optional(),
    missingValues: z.array(z.string()).default(['']),
  })
  .superRefine((schema, ctx) => {
    const names = new Set<string>();
    schema.fields.forEach((field, index) => {
      const path = ['fields', index];
      if (names.has(field.name))
        ctx.addIssue({ code: 'custom', path, message: `duplicate field ${field.name}` });
      names.add(field.name);
      if (field.s5.nameJa !== field.name)
        ctx.addIssue({ code: 'custom', path, message: 's5.nameJa must equal name' });
      if (MARK_OF_LEVEL[field.s5.level] !== field.s5.mark)
        ctx.addIssue({ code: 'custom', path, message: 's5.mark does not match s5.level' });
      if ((field.constraints?.required ?? false) !== (field.s5.level === 'required'))
        ctx.addIssue({ code: 'custom', path, message: 'constraints.required must mirror 必須' });
      const needsEnum = field.s5.rule === 'enum' || field.s5.rule === 'flag';
      if (needsEnum && !field.constraints?.enum)
        ctx.addIssue({ code: 'custom', path, message: `rule ${field.s5.rule} needs an enum` });
      if (field.constraints?.pattern !== undefined && !isValidRegExp(field.constraints.pattern))
        ctx.addIssue({ code: 'custom', path, message: 'constraints.pattern is not a regexp' });
    });
    for (const key of schema.primaryKey ?? []) {
      if (!names.has(key))
        ctx.addIssue({ code: 'custom', path: ['primaryKey'], message: `no field ${key}` });
    }
  });

/** A standard dataset schema (one JSON file). */
export type StandardSchema = z.output<typeof standardSchemaFormat>;
/** One column of a standard schema. */
export type SchemaField = StandardSchema['fields'][number];

function isValidRegExp(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}
