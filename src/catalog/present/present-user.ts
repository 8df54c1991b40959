import { toBool } from '../../db/index.ts';
import type { UserRow } from '../repo/users.ts';

/** CKAN's user dict. The e-mail address is shown only to the user and to sysadmins. */
export function presentUser(u: UserRow, privateView: boolean) {
  return {
    id: u.id,
    name: u.name,
    fullname: u.fullname,
    display_name: u.fullname || u.name,
    about: u.about,
    created: u.created,
    state: u.state,
    sysadmin: toBool(u.sysadmin),
    ...(privateView ? { email: u.email } : {}),
  };
}
