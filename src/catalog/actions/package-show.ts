import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { packageDict } from '../read-package.ts';
import { idParam } from '../schema.ts';

export const packageShow = defineAction({
  name: 'package_show',
  description:
    'Return the metadata of a dataset and its resources.\n\n:param id: the id or name of the dataset',
  input: z.strictObject({ id: idParam }),
  ignoredKeys: ['include_tracking', 'use_default_schema', 'include_plugin_data'],
  readOnly: true,
  auth: 'anyone',
  example: { id: 'sapporo-aed' },
  run: (ctx, input) => packageDict(ctx, input.id),
});
