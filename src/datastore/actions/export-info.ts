import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { readableResource } from '../../catalog/index.ts';
import { ckanBool } from '../../core/ckan-params.ts';
import { scanCp932 } from '../export/export-table.ts';
import { EXPORT_FORMATS, exportFileName, exportMediaType } from '../export/export-format.ts';
import { presentField } from '../fields/field-def.ts';
import { findGeoColumns } from '../geo/geo-columns.ts';
import { readableTable } from '../policy.ts';
import { resourceIdParam } from '../schema.ts';

/** s5_datastore_export_info input. */
export const exportInfoInput = z.strictObject({
  resource_id: resourceIdParam,
  format: z.enum(EXPORT_FORMATS).default('csv'),
  /** csv-cp932: scan the table for characters CP932 lacks (reads every row once). */
  check_unmappable: ckanBool.default(true),
});

export const datastoreExportInfo = defineAction({
  name: 's5_datastore_export_info',
  description:
    'Check that the caller may download a datastore table and describe the download: fields, row count, file name and media type; for csv-cp932, the characters CP932 lacks (replaced by 〓 in the file).\n\n' +
    ':param resource_id: the resource\n' +
    ':param format: csv (default), csv-cp932, tsv, json, geojson or xlsx\n' +
    ':param check_unmappable: for csv-cp932, count and locate the characters CP932 lacks (default true)',
  input: exportInfoInput,
  readOnly: true,
  auth: 'anyone',
  example: { resource_id: '3f2b7c1e-0000-4000-8000-000000000000', format: 'csv-cp932' },
  run: async (ctx, input) => {
    const resource = await readableResource(ctx, input.resource_id);
    const meta = await readableTable(ctx, input.resource_id);
    const geo = findGeoColumns(meta.fields);
    const unmappable =
      input.format === 'csv-cp932' && input.check_unmappable
        ? await scanCp932(ctx.db, meta)
        : undefined;
    return {
      resource_id: meta.resourceId,
      format: input.format,
      file_name: exportFileName(safeBaseName(resource.name) || meta.resourceId, input.format),
      media_type: exportMediaType(input.format),
      count: meta.rowCount,
      fields: meta.fields.map(presentField),
      geo_columns: geo ? { lat: geo.lat, lon: geo.lon } : null,
      ...(unmappable
        ? {
            unmappable_count: unmappable.count,
            unmappable: unmappable.found.map((u) => ({
              _id: u.row,
              column: u.column,
              char: u.char,
            })),
          }
        : {}),
    };
  },
});

/** The resource name as a file name: no path separators, control or reserved Windows characters. */
function safeBaseName(name: string | null | undefined): string {
  let out = '';
  for (const ch of name ?? '') {
    const code = ch.codePointAt(0) ?? 0;
    out += code < 0x20 || code === 0x7f || '/\\:*?"<>|'.includes(ch) ? '_' : ch;
  }
  return out.trim().slice(0, 100);
}
