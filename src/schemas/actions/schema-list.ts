import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { listSchemas } from '../catalog/load-schemas.ts';

/** One line of `s5_schema_list`. */
export interface SchemaSummary {
  id: string;
  title: { ja: string; en: string };
  generation: 'current' | 'legacy';
  dataset_number: string;
  slug: string;
  verified: boolean;
  verification: string;
  columns: number;
}

/** `s5_schema_list`: the standard dataset schemas with id, title, generation, verification and column count. */
export const schemaList = defineAction({
  name: 's5_schema_list',
  description:
    'List the standard dataset schemas (自治体標準オープンデータセット 定義書A 01-17 and the legacy 推奨データセット).\n\n' +
    ':param generation: optional, `current` or `legacy`',
  input: z.strictObject({ generation: z.enum(['current', 'legacy']).optional() }),
  readOnly: true,
  auth: 'anyone',
  example: { generation: 'current' },
  run: async (_ctx, input): Promise<SchemaSummary[]> =>
    listSchemas()
      .filter((s) => input.generation === undefined || s.s5.generation === input.generation)
      .map((s) => ({
        id: s.s5.id,
        title: s.s5.title,
        generation: s.s5.generation,
        dataset_number: s.s5.datasetNumber,
        slug: s.s5.slug,
        verified: s.s5.verified,
        verification: s.s5.verification,
        columns: s.fields.length,
      })),
});
