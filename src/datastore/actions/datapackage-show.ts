import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { isAppError } from '../../core/errors.ts';
import { LICENSES, readablePackage } from '../../catalog/index.ts';
import { getSchema } from '../../schemas/index.ts';
import { buildDescriptor, type TableFacts } from '../datapackage/build-descriptor.ts';
import { packageTables, packageTagNames } from '../repo/package-tables.ts';

export const datapackageShow = defineAction({
  name: 's5_datapackage_show',
  description:
    "Return a dataset's Frictionless Data Package descriptor (datapackage.json): one tabular resource per datastore table, its CSV dump as the path, its Table Schema from the table's fields, and the standard dataset schema it conforms to. The same package with the data is served as a zip at /dataset/{id}/datapackage.zip.\n\n" +
    ':param id: id or name of the dataset (a private one only for its members)',
  input: z.strictObject({ id: z.string().min(1).max(200) }),
  readOnly: true,
  auth: 'anyone',
  example: { id: 'sapporo-aed' },
  run: async (ctx, input) => {
    const pkg = await readablePackage(ctx, input.id);
    const license = LICENSES.find((l) => l.id === pkg.license_id);
    const tables = await packageTables(ctx.db, pkg.id);
    return buildDescriptor(
      {
        id: pkg.id,
        name: pkg.name,
        title: pkg.title,
        notes: pkg.notes,
        version: pkg.version,
        created: pkg.metadata_created,
        keywords: await packageTagNames(ctx.db, pkg.id),
        license: license ? { id: license.id, title: license.title, url: license.url } : null,
      },
      tables.map(
        (t): TableFacts => ({
          resourceId: t.resourceId,
          name: t.name,
          description: t.description,
          fields: t.meta.fields,
          primaryKey: t.meta.primaryKey,
          standard:
            t.schemaId && t.conformance
              ? { id: t.schemaId, title: standardTitle(t.schemaId), conformance: t.conformance }
              : null,
        }),
      ),
      ctx.site.siteUrl,
    );
  },
});

/** The standard's Japanese title; its id when the schema is no longer shipped. */
function standardTitle(id: string): string {
  try {
    return getSchema(id).s5.title.ja;
  } catch (error) {
    if (isAppError(error)) return id;
    throw error;
  }
}
