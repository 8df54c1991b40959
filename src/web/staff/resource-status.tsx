import { Readable } from 'node:stream';
import type { ReportIssue, ValidationReport } from '../../schemas/index.ts';
import type { ResourceVersion } from '../action-results.ts';
import type { StaffRequest, StaffResult } from '../auth/staff-route.ts';
import { ConformanceBadge } from '../components/conformance.tsx';
import { Pager, pageNumber } from '../components/pager.tsx';
import type { Ui } from '../i18n/ui.ts';
import { datasetHref, editableDataset, resourceHref } from './access.ts';
import { nullIfNotFound } from './dataset-manage.tsx';
import { JobState } from './status-badges.tsx';
import type { JobDict, StaffResource, StoredFileDict } from './staff-results.ts';
import { fixedCsv, reportOfStoredFile } from './stored-file-report.ts';

const ISSUES_PER_PAGE = 100;
/** Seconds between reloads while a job runs, when the user asked to follow it. */
const REFRESH_SECONDS = 2;

async function loadResource(req: StaffRequest) {
  const resource = await req.call<StaffResource>('resource_show', { id: req.param('id') });
  const dataset = await editableDataset(req, resource.package_id);
  return { resource, dataset };
}

/**
 * `/staff/resource/:id`: the resource's ingest job (with `?watch=1` the page reloads itself every
 * 2 s while the job runs — the user chose it on the upload form, so it is not an imposed time
 * limit) and the validation report of its file: every issue with row, column, message and
 * suggested fix, and a download of the automatically fixed file.
 */
export async function resourceStatusPage(req: StaffRequest): Promise<StaffResult> {
  const { ui } = req;
  const { resource, dataset } = await loadResource(req);
  const uploaded = resource.url_type === 'upload';
  const [job, versions, file] = uploaded
    ? await Promise.all([
        req.call<JobDict>('s5_job_show', { resource_id: resource.id }).catch(nullIfNotFound),
        req.call<ResourceVersion[]>('s5_resource_versions', { id: resource.id }),
        req.call<StoredFileDict>('s5_resource_file_show', { id: resource.id }),
      ])
    : [null, [], null];
  const running = job !== null && (job.state === 'queued' || job.state === 'running');
  const watch = req.query('watch') === '1' && running;
  // While a job runs the stored report may be of an older file: show it once the job is done.
  const report = file && !running ? await reportOfStoredFile(req.platform, file) : null;
  const href = resourceHref(resource);
  return {
    title: resource.name || resource.id,
    breadcrumbs: [
      { href: '/staff', label: ui.t('staffHome') },
      { href: datasetHref(dataset), label: dataset.title || dataset.name },
    ],
    body: (
      <div>
        {watch ? <meta http-equiv="refresh" content={String(REFRESH_SECONDS)} /> : null}
        <section aria-labelledby="job-heading">
          <h2 id="job-heading">{ui.t('ingest')}</h2>
          {!uploaded ? (
            <p>{ui.t('linkResourceNote')}</p>
          ) : job ? (
            <div role="status">
              <p>
                <JobState ui={ui} job={job} />
              </p>
              {job.state === 'failed' && job.error ? <p class="field-error">{job.error}</p> : null}
              {job.state === 'done' ? <p>{ui.t('jobDoneNote')}</p> : null}
            </div>
          ) : (
            <p>{ui.t('noJobYet')}</p>
          )}
          {running ? (
            <p>
              {watch ? (
                <a href={href}>{ui.t('stopWatching')}</a>
              ) : (
                <a href={`${href}?watch=1`}>{ui.t('startWatching')}</a>
              )}
              {' / '}
              <a href={href}>{ui.t('reload')}</a>
            </p>
          ) : null}
          <ul class="actions">
            <li>
              <a href={`${href}/edit`}>{ui.t('replaceFile')}</a>
            </li>
            <li>
              <a href={datasetHref(dataset)}>{ui.t('backToDataset')}</a>
            </li>
          </ul>
        </section>
        {versions[0] ? <LatestVersion ui={ui} version={versions[0]} /> : null}
        {report ? <ReportSection req={req} report={report} href={href} /> : null}
      </div>
    ),
  };
}

function LatestVersion(props: { ui: Ui; version: ResourceVersion }) {
  const { ui, version: v } = props;
  return (
    <section aria-labelledby="version-heading">
      <h2 id="version-heading">{ui.t('latestLoad')}</h2>
      <table class="meta-table">
        <caption class="visually-hidden">{ui.t('latestLoad')}</caption>
        <tbody>
          <tr>
            <th scope="row">{ui.t('version')}</th>
            <td>{`${v.version}（${ui.date(v.created)}）`}</td>
          </tr>
          <tr>
            <th scope="row">{ui.t('conformance')}</th>
            <td>{v.conformance ? <ConformanceBadge ui={ui} level={v.conformance} /> : '—'}</td>
          </tr>
          <tr>
            <th scope="row">{ui.t('rows')}</th>
            <td>{v.row_count === null ? '—' : ui.num(v.row_count)}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}

function ReportSection(props: { req: StaffRequest; report: ValidationReport; href: string }) {
  const { req, report, href } = props;
  const { ui } = req;
  const page = pageNumber(req.query('page'));
  const issues = report.issues.slice((page - 1) * ISSUES_PER_PAGE, page * ISSUES_PER_PAGE);
  const left = Object.values(report.truncated).reduce((a, b) => a + b, 0);
  const s = report.summary;
  return (
    <section aria-labelledby="report-heading">
      <h2 id="report-heading">{ui.t('validationReport')}</h2>
      <p>
        {report.schema
          ? ui.t('validatedAgainst', {
              schema: ui.pick(report.schema.title.ja, report.schema.title.en),
            })
          : ui.t('noSchemaRecognised')}
      </p>
      <p>
        {ui.t('validationSummary', {
          errors: ui.num(s.errors),
          warnings: ui.num(s.warnings),
          notices: ui.num(s.notices),
        })}
        {` ${ui.t('rowsChecked', { n: ui.num(s.rows) })}`}
      </p>
      {report.readable ? (
        <p>
          <a class="button" href={`${href}/fixed.csv`} download>
            {ui.t('downloadFixed')}
          </a>{' '}
          <span class="hint">{ui.t('downloadFixedNote')}</span>
        </p>
      ) : null}
      {report.issues.length === 0 ? (
        <p>{ui.t('noIssues')}</p>
      ) : (
        <section class="table-scroll" tabindex={0} aria-labelledby="issues-caption">
          <table class="data-table report-table" id="issues">
            <caption id="issues-caption">
              {ui.t('issuesCaption', { n: ui.num(report.issues.length) })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{ui.t('severity')}</th>
                <th scope="col">{ui.t('row')}</th>
                <th scope="col">{ui.t('column')}</th>
                <th scope="col">{ui.t('message')}</th>
                <th scope="col">{ui.t('suggestedFix')}</th>
              </tr>
            </thead>
            <tbody>
              {issues.map((issue) => (
                <IssueRow ui={ui} issue={issue} />
              ))}
            </tbody>
          </table>
        </section>
      )}
      <Pager
        ui={ui}
        url={req.url}
        page={page}
        total={report.issues.length}
        perPage={ISSUES_PER_PAGE}
        fragment="issues"
      />
      {left > 0 ? <p>{ui.t('issuesTruncated', { n: ui.num(left) })}</p> : null}
    </section>
  );
}

function IssueRow(props: { ui: Ui; issue: ReportIssue }) {
  const { ui, issue } = props;
  const column =
    issue.column === null
      ? '—'
      : `${issue.column}${issue.columnName ? `（${issue.columnName}）` : ''}`;
  const fix = ui.pick(issue.fix.ja, issue.fix.en);
  const message = ui.pick(issue.message.ja, issue.message.en);
  return (
    <tr>
      <td class={`sev-${issue.severity}`}>{ui.t(`severity_${issue.severity}`)}</td>
      <td>{issue.row === null ? '—' : ui.num(issue.row)}</td>
      <td>{column}</td>
      <td>
        {message}
        {issue.value && !message.includes(issue.value) ? (
          <>
            {' '}
            <span class="muted">{`「${issue.value}」`}</span>
          </>
        ) : null}
      </td>
      <td>
        {fix}
        {issue.fixable && issue.fixedValue !== undefined ? (
          <>
            {' '}
            <span class="muted">{`→「${issue.fixedValue}」（${ui.t('autoFixed')}）`}</span>
          </>
        ) : null}
      </td>
    </tr>
  );
}

/**
 * `GET /staff/resource/:id/fixed.csv`: the resource's stored file with the certain fixes
 * applied, as UTF-8 CSV, named after the original.
 */
export async function fixedFileDownload(req: StaffRequest): Promise<StaffResult> {
  const { resource } = await loadResource(req);
  const file = await req.call<StoredFileDict>('s5_resource_file_show', { id: resource.id });
  const report = await reportOfStoredFile(req.platform, file);
  const base = file.file_name.replace(/\.[^.]+$/, '') || 'data';
  const name = `${base}-fixed.csv`;
  const body = Readable.toWeb(fixedCsv(req.platform, file, report.schema?.id));
  return new Response(body as ReadableStream, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      // RFC 6266 / 5987: the Japanese file name survives, and the browser saves the file.
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
  });
}
