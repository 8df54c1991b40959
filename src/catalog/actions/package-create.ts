import { defineAction } from '../../core/action.ts';
import { packageDict } from '../read-package.ts';
import { PACKAGE_READONLY_KEYS, packageFields } from '../schema.ts';
import { writePackage } from '../write-package.ts';

export const packageCreate = defineAction({
  name: 'package_create',
  description:
    'Create a dataset in an organization (editor or admin of it, or sysadmin).\n\n' +
    ':param name: URL name, 2-100 of a-z 0-9 - _\n:param owner_org: organization id or name\n' +
    ':param title, notes, license_id, private, tags, extras, groups, resources: as in CKAN',
  input: packageFields,
  ignoredKeys: PACKAGE_READONLY_KEYS,
  readOnly: false,
  auth: 'authenticated',
  example: {
    name: 'sapporo-aed',
    title: 'AED設置箇所一覧',
    owner_org: 'sapporo-shi',
    license_id: 'cc-by-4.0',
    tags: [{ name: '防災' }],
  },
  run: async (ctx, input) => {
    const id = await writePackage(ctx, input, null);
    return packageDict(ctx, id);
  },
});
