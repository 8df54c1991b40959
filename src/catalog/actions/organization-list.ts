import { defineAction } from '../../core/action.ts';
import { groupListInput, listGroups } from '../read-groups.ts';

export const organizationList = defineAction({
  name: 'organization_list',
  description:
    'Return the organizations (publishers): names, or full dicts with all_fields.\n\n' +
    ':param sort: name, title or package_count with asc or desc (default title asc)\n' +
    ':param all_fields: return dicts with package_count (default false)\n:param limit, offset: paging',
  input: groupListInput,
  readOnly: true,
  auth: 'anyone',
  example: { all_fields: true, limit: 5 },
  run: (ctx, input) => listGroups(ctx, true, input),
});
