import { defineAction } from '../../core/action.ts';
import { groupListInput, listGroups } from '../read-groups.ts';

export const groupList = defineAction({
  name: 'group_list',
  description:
    'Return the groups (for the default seed, the 14 振興局): names, or full dicts with all_fields.\n\n' +
    ':param sort: name, title or package_count with asc or desc (default title asc)\n' +
    ':param all_fields: return dicts with package_count (default false)\n:param limit, offset: paging',
  input: groupListInput,
  readOnly: true,
  auth: 'anyone',
  example: { all_fields: true, limit: 5 },
  run: (ctx, input) => listGroups(ctx, false, input),
});
