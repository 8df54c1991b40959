import { isAppError } from '../../core/errors.ts';
import type { ResourceVersion } from '../action-results.ts';
import type { StaffRequest, StaffResult } from '../auth/staff-route.ts';
import { ConformanceBadge } from '../components/conformance.tsx';
import { datasetHref, editableDataset, resourceHref } from './access.ts';
import { CsrfField, DoneNote } from './form-parts.tsx';
import { JobState, VisibilityBadge } from './status-badges.tsx';
import type { JobDict, StaffResource } from './staff-results.ts';

/**
 * `/staff/dataset/:id`: a dataset as its editors manage it: visibility with the publish
 * button, its resources with their ingest state and conformance, and links to edit, add and
 * upload.
 */
export async function datasetManagePage(req: StaffRequest): Promise<StaffResult> {
  const { ui } = req;
  const dataset = await editableDataset(req, req.param('id'));
  const states = await Promise.all(dataset.resources.map((r) => resourceState(req, r)));
  const href = datasetHref(dataset);
  return {
    title: dataset.title || dataset.name,
    breadcrumbs: [{ href: '/staff', label: ui.t('staffHome') }],
    body: (
      <div>
        <DoneNote
          ui={ui}
          done={req.query('done')}
          messages={{
            created: ui.t('datasetCreated'),
            saved: ui.t('saved'),
            published: ui.t('datasetPublished'),
            unpublished: ui.t('datasetUnpublished'),
          }}
        />
        <table class="meta-table">
          <caption class="visually-hidden">{ui.t('metadata')}</caption>
          <tbody>
            <tr>
              <th scope="row">{ui.t('publisher')}</th>
              <td>{dataset.organization?.title ?? ''}</td>
            </tr>
            <tr>
              <th scope="row">{ui.t('visibility')}</th>
              <td>
                <VisibilityBadge ui={ui} dataset={dataset} />
              </td>
            </tr>
            <tr>
              <th scope="row">{ui.t('updated')}</th>
              <td>{ui.date(dataset.metadata_modified)}</td>
            </tr>
          </tbody>
        </table>
        <ul class="actions">
          <li>
            <form method="post" action={`${href}/visibility`}>
              <CsrfField token={req.csrf} />
              <input type="hidden" name="private" value={dataset.private ? 'false' : 'true'} />
              <button type="submit" class={dataset.private ? undefined : 'secondary'}>
                {dataset.private ? ui.t('publish') : ui.t('unpublish')}
              </button>
            </form>
          </li>
          <li>
            <a href={`${href}/edit`}>{ui.t('editMetadata')}</a>
          </li>
          <li>
            <a href={`${href}/resource/new`}>{ui.t('addResource')}</a>
          </li>
          {dataset.private ? null : (
            <li>
              <a href={`/dataset/${encodeURIComponent(dataset.name)}`}>{ui.t('viewPublicPage')}</a>
            </li>
          )}
        </ul>
        {dataset.private ? <p class="warning-note">{ui.t('privateNote')}</p> : null}
        <section aria-labelledby="resources-heading">
          <h2 id="resources-heading">{ui.t('resources')}</h2>
          {dataset.resources.length === 0 ? (
            <p>{ui.t('noResources')}</p>
          ) : (
            <section class="table-scroll" tabindex={0} aria-labelledby="resources-heading">
              <table class="data-table">
                <caption class="visually-hidden">{ui.t('resources')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{ui.t('name')}</th>
                    <th scope="col">{ui.t('formats')}</th>
                    <th scope="col">{ui.t('jobState')}</th>
                    <th scope="col">{ui.t('conformance')}</th>
                    <th scope="col">{ui.t('manage')}</th>
                  </tr>
                </thead>
                <tbody>
                  {dataset.resources.map((r, i) => {
                    const s = states[i];
                    return (
                      <tr>
                        <td>{r.name || r.id}</td>
                        <td>{r.format}</td>
                        <td>{s?.job ? <JobState ui={ui} job={s.job} /> : '—'}</td>
                        <td>
                          {s?.version?.conformance ? (
                            <ConformanceBadge ui={ui} level={s.version.conformance} />
                          ) : (
                            '—'
                          )}
                        </td>
                        <td>
                          <a href={resourceHref(r)}>{ui.t('statusAndReport')}</a>
                          {' / '}
                          <a href={`${resourceHref(r)}/edit`}>{ui.t('replaceFile')}</a>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </section>
          )}
        </section>
      </div>
    ),
  };
}

/** A resource's current job and latest version, where it has them. */
async function resourceState(
  req: StaffRequest,
  r: StaffResource,
): Promise<{ job: JobDict | null; version: ResourceVersion | null }> {
  if (r.url_type !== 'upload') return { job: null, version: null };
  const [job, versions] = await Promise.all([
    req.call<JobDict>('s5_job_show', { resource_id: r.id }).catch(nullIfNotFound),
    req.call<ResourceVersion[]>('s5_resource_versions', { id: r.id }),
  ]);
  return { job, version: versions[0] ?? null };
}

/** An action's not_found as null (no job yet); other errors propagate. */
export function nullIfNotFound(error: unknown): null {
  if (isAppError(error) && error.code === 'not_found') return null;
  throw error;
}

/** `POST /staff/dataset/:id/visibility`: publish (private → public) or withdraw a dataset. */
export async function datasetVisibility(req: StaffRequest): Promise<StaffResult> {
  const dataset = await editableDataset(req, req.param('id'));
  const makePrivate = req.field('private') === 'true';
  await req.call('package_patch', { id: dataset.id, private: makePrivate });
  return { redirect: `${datasetHref(dataset)}?done=${makePrivate ? 'unpublished' : 'published'}` };
}
