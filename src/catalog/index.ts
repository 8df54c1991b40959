/**
 * The catalog capability: organizations, groups, users, datasets, resources and search,
 * behind CKAN-named actions. Other folders import only from here.
 */
import type { AnyAction } from '../core/action.ts';
import { apiTokenCreate } from './actions/api-token-create.ts';
import { apiTokenList } from './actions/api-token-list.ts';
import { apiTokenRevoke } from './actions/api-token-revoke.ts';
import { groupList } from './actions/group-list.ts';
import { groupShow } from './actions/group-show.ts';
import { licenseList } from './actions/license-list.ts';
import { memberList } from './actions/member-list.ts';
import { organizationList } from './actions/organization-list.ts';
import { organizationListForUser } from './actions/organization-list-for-user.ts';
import { organizationMemberCreate } from './actions/organization-member-create.ts';
import { organizationMemberDelete } from './actions/organization-member-delete.ts';
import { organizationShow } from './actions/organization-show.ts';
import { packageCreate } from './actions/package-create.ts';
import { packageDelete } from './actions/package-delete.ts';
import { packageList } from './actions/package-list.ts';
import { packagePatch } from './actions/package-patch.ts';
import { packageSearch } from './actions/package-search.ts';
import { packageShow } from './actions/package-show.ts';
import { packageUpdate } from './actions/package-update.ts';
import { resourceCreate } from './actions/resource-create.ts';
import { resourceDelete } from './actions/resource-delete.ts';
import { resourceFileShow } from './actions/resource-file-show.ts';
import { resourcePatch } from './actions/resource-patch.ts';
import { resourceShow } from './actions/resource-show.ts';
import { resourceUpdate } from './actions/resource-update.ts';
import { statusShow } from './actions/status-show.ts';
import { tagList } from './actions/tag-list.ts';
import { userCreate } from './actions/user-create.ts';
import { userShow } from './actions/user-show.ts';

export const catalogActions: readonly AnyAction[] = [
  statusShow,
  packageList,
  packageSearch,
  packageShow,
  packageCreate,
  packageUpdate,
  packagePatch,
  packageDelete,
  resourceShow,
  resourceCreate,
  resourceUpdate,
  resourcePatch,
  resourceDelete,
  resourceFileShow,
  organizationList,
  organizationShow,
  organizationListForUser,
  organizationMemberCreate,
  organizationMemberDelete,
  memberList,
  groupList,
  groupShow,
  tagList,
  licenseList,
  userShow,
  userCreate,
  apiTokenCreate,
  apiTokenList,
  apiTokenRevoke,
];

export { actorForToken, siteActor } from './accounts.ts';
export { CKAN_COMPAT_VERSION } from './actions/status-show.ts';
export { LICENSES } from './licenses.ts';
export { reindexAll, reindexPackageOfResource } from './reindex.ts';
// For src/datastore: the same visibility and edit rules, the same text normalisation, and
// resource_create for datastore_create's `resource` dict.
export { resourceCreate } from './actions/resource-create.ts';
export { canEditInOrg, canReadPackage } from './policy.ts';
export { readablePackage } from './read-package.ts';
export { normalizeText, toWords } from './search/normalize-text.ts';
export { queryBigrams, wordGrams } from './search/grams.ts';
export { touchPackage } from './touch-package.ts';
export { readableResource } from './write-resources.ts';
export { catalogIsEmpty, type SeedSummary, seedCatalog } from './seed.ts';
