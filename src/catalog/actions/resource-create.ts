import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { resourceFields } from '../schema.ts';
import { createResource } from '../write-resources.ts';

export const resourceCreate = defineAction({
  name: 'resource_create',
  description:
    'Add a resource (a file or link) to a dataset.\n\n:param package_id: id or name of the dataset\n' +
    ':param url: where the data is\n:param name, description, format, mimetype, size, hash: optional; other keys are kept as-is',
  input: resourceFields.and(
    z.object({ package_id: z.string({ error: 'Missing value' }).min(1, 'Missing value') }),
  ),
  readOnly: false,
  auth: 'authenticated',
  example: { package_id: 'sapporo-aed', url: 'https://example.jp/aed.csv', name: 'AED一覧' },
  run: (ctx, input) => createResource(ctx, input.package_id, input),
});
