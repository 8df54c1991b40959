import { isAppError } from '../../core/errors.ts';
import type { GroupDict } from '../action-results.ts';
import type { StaffRequest, StaffResult } from '../auth/staff-route.ts';
import { Pager, pageNumber } from '../components/pager.tsx';
import type { Ui } from '../i18n/ui.ts';
import { quoteFilterValue } from '../pages/search-params.ts';
import { datasetHref, resourceHref } from './access.ts';
import { DoneNote } from './form-parts.tsx';
import { JobState, VisibilityBadge } from './status-badges.tsx';
import type { JobDict, StaffDataset, StaffReportListItem } from './staff-results.ts';

const PER_PAGE = 20;
const MAX_JOBS = 10;

interface DatasetPage {
  count: number;
  results: StaffDataset[];
}

/**
 * `/staff`: the user's organizations with their role, their datasets (private and drafts too)
 * and the latest ingest jobs of those datasets' files.
 */
export async function dashboardPage(req: StaffRequest): Promise<StaffResult> {
  const { ui, actor } = req;
  const page = pageNumber(req.query('page'));
  const orgs = await req.call<GroupDict[]>('organization_list_for_user', { permission: 'read' });
  // A sysadmin sees every dataset; others those of their organizations (none: no search).
  const fq = actor.sysadmin
    ? ''
    : `organization:(${orgs.map((o) => quoteFilterValue(o.name)).join(' OR ')})`;
  const datasets =
    actor.sysadmin || orgs.length > 0
      ? await req.call<DatasetPage>('package_search', {
          fq,
          include_private: true,
          include_drafts: true,
          sort: 'metadata_modified desc',
          rows: PER_PAGE,
          start: (page - 1) * PER_PAGE,
        })
      : { count: 0, results: [] };
  const [jobs, mayEditPlan] = await Promise.all([recentJobs(req, datasets.results), planRole(req)]);
  return {
    title: ui.t('staffHome'),
    body: (
      <div>
        <DoneNote
          ui={ui}
          done={req.query('done')}
          messages={{ password: ui.t('passwordChanged'), deleted: ui.t('datasetDeleted') }}
        />
        <ul class="actions">
          <li>
            <a class="button" href="/staff/dataset/new">
              {ui.t('newDataset')}
            </a>
          </li>
          <li>
            <a href="/staff/tokens">{ui.t('apiTokens')}</a>
          </li>
          {mayEditPlan ? (
            <li>
              <a href="/staff/plan">{ui.t('planStaff')}</a>
            </li>
          ) : null}
          <li>
            <a href="/user/password">{ui.t('changePassword')}</a>
          </li>
        </ul>
        <section aria-labelledby="my-orgs">
          <h2 id="my-orgs">{ui.t('myOrganizations')}</h2>
          {actor.sysadmin ? <p>{ui.t('sysadminNote')}</p> : null}
          {orgs.length === 0 ? (
            actor.sysadmin ? null : (
              <p>{ui.t('noOrganizations')}</p>
            )
          ) : (
            <OrganizationTable ui={ui} orgs={orgs} req={req} />
          )}
        </section>
        <section aria-labelledby="my-datasets">
          <h2 id="my-datasets">{ui.t('myDatasets')}</h2>
          {datasets.count === 0 ? (
            <p>{ui.t('noDatasetsYet')}</p>
          ) : (
            <section class="table-scroll" tabindex={0} aria-labelledby="my-datasets">
              <table class="data-table">
                <caption class="visually-hidden">{ui.t('myDatasets')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{ui.t('title')}</th>
                    <th scope="col">{ui.t('publisher')}</th>
                    <th scope="col">{ui.t('visibility')}</th>
                    <th scope="col">{ui.t('updated')}</th>
                  </tr>
                </thead>
                <tbody>
                  {datasets.results.map((d) => (
                    <tr>
                      <td>
                        <a href={datasetHref(d)}>{d.title || d.name}</a>
                      </td>
                      <td>{d.organization?.title ?? ''}</td>
                      <td>
                        <VisibilityBadge ui={ui} dataset={d} />
                      </td>
                      <td>{ui.date(d.metadata_modified)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
          <Pager ui={ui} url={req.url} page={page} total={datasets.count} perPage={PER_PAGE} />
        </section>
        <section aria-labelledby="recent-jobs">
          <h2 id="recent-jobs">{ui.t('recentJobs')}</h2>
          {jobs.length === 0 ? (
            <p>{ui.t('noJobs')}</p>
          ) : (
            <table class="data-table">
              <caption class="visually-hidden">{ui.t('recentJobs')}</caption>
              <thead>
                <tr>
                  <th scope="col">{ui.t('resource')}</th>
                  <th scope="col">{ui.t('jobState')}</th>
                  <th scope="col">{ui.t('created')}</th>
                </tr>
              </thead>
              <tbody>
                {jobs.map(({ job, name }) => (
                  <tr>
                    <td>
                      <a href={resourceHref({ id: job.resource_id })}>{name}</a>
                    </td>
                    <td>
                      <JobState ui={ui} job={job} />
                    </td>
                    <td>{ui.date(job.created)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
    ),
  };
}

function OrganizationTable(props: { ui: Ui; orgs: GroupDict[]; req: StaffRequest }) {
  const { ui, orgs, req } = props;
  return (
    <table class="data-table">
      <caption class="visually-hidden">{ui.t('myOrganizations')}</caption>
      <thead>
        <tr>
          <th scope="col">{ui.t('organization')}</th>
          <th scope="col">{ui.t('role')}</th>
          <th scope="col">{ui.t('manage')}</th>
        </tr>
      </thead>
      <tbody>
        {orgs.map((o) => {
          const role = req.actor.memberships.get(o.id);
          return (
            <tr>
              <td>
                <a href={`/organization/${encodeURIComponent(o.name)}`}>
                  {ui.pick(o.title, o.title_translated?.en)}
                </a>
              </td>
              <td>{role ? ui.t(`role_${role}`) : '—'}</td>
              <td>
                {role === 'admin' || req.actor.sysadmin ? (
                  <a href={`/staff/organization/${encodeURIComponent(o.name)}/members`}>
                    {ui.t('manageMembers')}
                  </a>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The newest ingest jobs of the uploaded files of the datasets shown (at most 10). */
async function recentJobs(
  req: StaffRequest,
  datasets: StaffDataset[],
): Promise<Array<{ job: JobDict; name: string }>> {
  const uploads = datasets
    .flatMap((d) => d.resources.filter((r) => r.url_type === 'upload'))
    .slice(0, MAX_JOBS * 2);
  const found = await Promise.all(
    uploads.map(async (r) => {
      try {
        const job = await req.call<JobDict>('s5_job_show', { resource_id: r.id });
        return { job, name: r.name || r.id };
      } catch (error) {
        if (isAppError(error) && error.code === 'not_found') return null;
        throw error;
      }
    }),
  );
  return found
    .filter((j): j is { job: JobDict; name: string } => j !== null)
    .sort((a, b) => b.job.created.localeCompare(a.job.created))
    .slice(0, MAX_JOBS);
}

/** Whether the user works on the plan: s5_report_list shows working revisions only to them. */
async function planRole(req: StaffRequest): Promise<boolean> {
  try {
    const years = await req.call<StaffReportListItem[]>('s5_report_list', {});
    return years.some((y) => 'working_revision' in y);
  } catch (error) {
    if (isAppError(error) && error.code === 'not_found') return false;
    throw error;
  }
}
