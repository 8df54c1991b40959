import { z } from 'zod';
import { type ActionContext, defineAction, toFieldErrors } from '../../core/action.ts';
import { AppError } from '../../core/errors.ts';
import { packageDict, readablePackage } from '../read-package.ts';
import { PACKAGE_READONLY_KEYS, packageFields } from '../schema.ts';
import { writePackage } from '../write-package.ts';

const patchInput = z
  .object({ id: z.string().min(1).max(200) })
  .catchall(z.unknown())
  .transform((v) => v);

export const packagePatch = defineAction({
  name: 'package_patch',
  description:
    'Change some fields of a dataset, keeping the others (CKAN: package_show, merge, package_update).\n\n' +
    ':param id: id or name of the dataset; any package_create field to change',
  input: patchInput,
  ignoredKeys: PACKAGE_READONLY_KEYS,
  readOnly: false,
  auth: 'authenticated',
  example: { id: 'sapporo-aed', notes: '札幌市内のAED設置箇所' },
  run: async (ctx, input) => patch(ctx, input),
});

async function patch(ctx: ActionContext, input: Record<string, unknown> & { id: string }) {
  const existing = await readablePackage(ctx, input.id);
  const current = await packageDict(ctx, existing.id);
  const { id: _id, ...changes } = input;
  const merged: Record<string, unknown> = {
    ...current,
    owner_org: current.owner_org,
    ...changes,
  };
  for (const key of [...PACKAGE_READONLY_KEYS, 'id']) delete merged[key];
  if (!('resources' in changes)) delete merged.resources;
  // Values from package_show may be null where the input schema wants strings.
  for (const [k, v] of Object.entries(merged)) if (v === null) delete merged[k];
  const parsed = packageFields.safeParse(merged);
  if (!parsed.success) {
    throw new AppError('validation', 'Validation Error', { fields: toFieldErrors(parsed.error) });
  }
  const id = await writePackage(ctx, parsed.data, existing);
  return packageDict(ctx, id);
}
