import type { Capacity } from '../../core/action.ts';
import { type FieldErrors, isAppError, notAuthorized } from '../../core/errors.ts';
import type { GroupDict } from '../action-results.ts';
import type { StaffRequest, StaffResult } from '../auth/staff-route.ts';
import type { Ui } from '../i18n/ui.ts';
import { CsrfField, DoneNote, FormErrors, fieldErrorsOf, TextField } from './form-parts.tsx';
import type { UserDict } from './staff-results.ts';

const ROLES: readonly Capacity[] = ['admin', 'editor', 'member'];

/**
 * The organization, if the user administers it. The actions decide in the end; this check
 * keeps editors from a page whose every button they could not use.
 * @throws AppError not_found for an unknown organization, not_authorized for a non-admin.
 */
async function administeredOrg(req: StaffRequest): Promise<GroupDict> {
  const org = await req.call<GroupDict>('organization_show', { id: req.param('id') });
  if (!req.actor.sysadmin && req.actor.memberships.get(org.id) !== 'admin')
    throw notAuthorized('Only admins of the organization manage its members');
  return org;
}

function membersHref(org: { name: string }): string {
  return `/staff/organization/${encodeURIComponent(org.name)}/members`;
}

function RoleSelect(props: { ui: Ui; id: string; value: string }) {
  return (
    <select id={props.id} name="role">
      {ROLES.map((r) => (
        <option value={r} selected={r === props.value}>
          {props.ui.t(`role_${r}`)}
        </option>
      ))}
    </select>
  );
}

async function membersPage(
  req: StaffRequest,
  org: GroupDict,
  errors: FieldErrors | null,
  values: { username: string; role: string } = { username: '', role: 'editor' },
): Promise<StaffResult> {
  const { ui } = req;
  const rows = await req.call<Array<[string, string, string]>>('member_list', { id: org.id });
  const users = await Promise.all(rows.map(([id]) => req.call<UserDict>('user_show', { id })));
  const href = membersHref(org);
  return {
    title: ui.t('membersOf', { org: ui.pick(org.title, org.title_translated?.en) }),
    status: errors ? 400 : 200,
    breadcrumbs: [{ href: '/staff', label: ui.t('staffHome') }],
    body: (
      <div>
        <DoneNote
          ui={ui}
          done={req.query('done')}
          messages={{ added: ui.t('memberSaved'), removed: ui.t('memberRemoved') }}
        />
        <FormErrors
          ui={ui}
          errors={errors}
          fields={{ username: ['member-user', ui.t('userName')] }}
        />
        <table class="data-table">
          <caption>{ui.t('currentMembers')}</caption>
          <thead>
            <tr>
              <th scope="col">{ui.t('userName')}</th>
              <th scope="col">{ui.t('role')}</th>
              <th scope="col">{ui.t('manage')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([id, , capacity], i) => {
              const user = users[i];
              const name = user?.name ?? id;
              return (
                <tr>
                  <td>{user?.fullname ? `${user.fullname}（${name}）` : name}</td>
                  <td>
                    <form class="inline-form" method="post" action={href}>
                      <CsrfField token={req.csrf} />
                      <input type="hidden" name="username" value={name} />
                      <label for={`role-${i}`} class="visually-hidden">
                        {ui.t('roleOf', { name })}
                      </label>
                      <RoleSelect ui={ui} id={`role-${i}`} value={capacity} />
                      <button type="submit" class="secondary">
                        {ui.t('changeRole')}
                      </button>
                    </form>
                  </td>
                  <td>
                    <form class="inline-form" method="post" action={`${href}/remove`}>
                      <CsrfField token={req.csrf} />
                      <input type="hidden" name="username" value={name} />
                      <button
                        type="submit"
                        class="danger"
                        aria-label={ui.t('removeMemberNamed', { name })}
                      >
                        {ui.t('removeMember')}
                      </button>
                    </form>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <section aria-labelledby="add-member">
          <h2 id="add-member">{ui.t('addMember')}</h2>
          <form class="staff-form" method="post" action={href}>
            <CsrfField token={req.csrf} />
            <TextField
              id="member-user"
              name="username"
              label={ui.t('userName')}
              value={values.username}
              required
              error={errors?.username}
            />
            <p class="field">
              <label for="member-role">{ui.t('role')}</label>
              <RoleSelect ui={ui} id="member-role" value={values.role} />
            </p>
            <p>
              <button type="submit">{ui.t('addMember')}</button>
            </p>
          </form>
        </section>
      </div>
    ),
  };
}

/** `GET /staff/organization/:id/members`: the members and their roles (organization admins). */
export async function membersGet(req: StaffRequest): Promise<StaffResult> {
  return membersPage(req, await administeredOrg(req), null);
}

/** `POST /staff/organization/:id/members`: add a member or change a role. */
export async function memberSave(req: StaffRequest): Promise<StaffResult> {
  const org = await administeredOrg(req);
  const values = { username: req.field('username'), role: req.field('role') };
  try {
    await req.call('organization_member_create', { id: org.id, ...values });
  } catch (error) {
    // An unknown user name is the form's problem, not a missing page.
    const errors =
      fieldErrorsOf(error) ??
      (isAppError(error) && error.code === 'not_found'
        ? { username: [req.ui.t('noSuchUser')] }
        : null);
    if (!errors) throw error;
    return membersPage(req, org, errors, values);
  }
  return { redirect: `${membersHref(org)}?done=added` };
}

/** `POST /staff/organization/:id/members/remove`: remove a member. */
export async function memberRemove(req: StaffRequest): Promise<StaffResult> {
  const org = await administeredOrg(req);
  await req.call('organization_member_delete', { id: org.id, username: req.field('username') });
  return { redirect: `${membersHref(org)}?done=removed` };
}
