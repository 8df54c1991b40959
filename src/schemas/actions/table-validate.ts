import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { renderReportText } from '../report/render-text.ts';
import type { ValidationReport } from '../validate/report-types.ts';
import { validateBytes } from '../validate/validate-bytes.ts';

/** Largest file `s5_validate` accepts, decoded. */
export const MAX_VALIDATE_BYTES = 10 * 1024 * 1024;

const BASE64 = /^[A-Za-z0-9+/\s]*={0,2}\s*$/;

function decodedLength(base64: string): number {
  const clean = base64.replace(/\s/g, '');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.floor((clean.length * 3) / 4) - padding;
}

/** `s5_validate`: validates an uploaded file (base64, at most 10 MB) and returns the report. */
export const tableValidate = defineAction({
  name: 's5_validate',
  description:
    'Validate a CSV, TSV or XLSX file against the standard dataset its header matches; returns the report (JSON, both languages) and a text rendering.\n\n' +
    ':param content_base64: the file, base64 (at most 10 MB decoded)\n' +
    ':param file_name: optional, helps to tell CSV/TSV/XLSX\n' +
    ':param schema: optional schema id, number or slug instead of recognising it\n' +
    ':param lang: `ja` (default) or `en`, language of `text`\n' +
    ':param prefecture: optional 2-digit prefecture code, e.g. `01`',
  input: z.strictObject({
    content_base64: z
      .string()
      .regex(BASE64, 'Not base64')
      .refine((s) => decodedLength(s) <= MAX_VALIDATE_BYTES, 'File larger than 10 MB'),
    file_name: z.string().max(500).optional(),
    schema: z.string().max(100).optional(),
    lang: z.enum(['ja', 'en']).default('ja'),
    prefecture: z
      .string()
      .regex(/^[0-9]{2}$/)
      .optional(),
  }),
  readOnly: true,
  auth: 'anyone',
  example: {
    content_base64: Buffer.from('全国地方公共団体コード,ID,名称\r\n011002,1,札幌駅\r\n').toString(
      'base64',
    ),
    file_name: '011002_public_toilet.csv',
  },
  run: async (_ctx, input): Promise<ValidationReport & { text: string }> => {
    const bytes = new Uint8Array(Buffer.from(input.content_base64, 'base64'));
    const report = await validateBytes(bytes, {
      lang: input.lang,
      ...(input.file_name === undefined ? {} : { fileName: input.file_name }),
      ...(input.schema === undefined ? {} : { schemaId: input.schema }),
      ...(input.prefecture === undefined ? {} : { prefectureCode: input.prefecture }),
    });
    const text = renderReportText(report, {
      lang: input.lang,
      ...(input.file_name ? { fileName: input.file_name } : {}),
    });
    return { ...report, text };
  },
});
