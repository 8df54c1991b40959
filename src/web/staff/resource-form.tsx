import type { FieldErrors } from '../../core/errors.ts';
import { Upload } from '../../files/index.ts';
import type { PrivatePage } from '../auth/send-private-page.tsx';
import type { StaffRequest, StaffResult } from '../auth/staff-route.ts';
import type { Ui } from '../i18n/ui.ts';
import { datasetHref, editableDataset, resourceHref } from './access.ts';
import { CsrfField, FormErrors, fieldErrorsOf, TextArea, TextField } from './form-parts.tsx';
import type { StaffDataset, StaffResource } from './staff-results.ts';

interface ResourceValues {
  name: string;
  description: string;
  url: string;
  watch: boolean;
}

function ResourceForm(props: {
  ui: Ui;
  csrf: string;
  action: string;
  values: ResourceValues;
  errors: FieldErrors | null;
  isNew: boolean;
  maxBytes: number;
}) {
  const { ui, values, errors, isNew } = props;
  const mb = Math.floor(props.maxBytes / (1024 * 1024));
  return (
    <form class="staff-form" method="post" action={props.action} enctype="multipart/form-data">
      <CsrfField token={props.csrf} />
      <p class={errors?.upload ? 'field has-error' : 'field'}>
        <label for="res-file">{isNew ? ui.t('uploadFile') : ui.t('replaceFileWith')}</label>
        <span class="hint" id="res-file-hint">
          {ui.t('uploadHint', { mb: mb > 0 ? mb : 1 })}
        </span>
        {errors?.upload ? (
          <span class="field-error" id="res-file-error">
            {errors.upload.join(' ')}
          </span>
        ) : null}
        <input
          id="res-file"
          name="upload"
          type="file"
          accept=".csv,.tsv,.txt,.xlsx,text/csv"
          aria-describedby={errors?.upload ? 'res-file-hint res-file-error' : 'res-file-hint'}
          aria-invalid={errors?.upload ? 'true' : undefined}
        />
      </p>
      {isNew ? (
        <TextField
          id="res-url"
          name="url"
          type="url"
          label={ui.t('orLinkUrl')}
          value={values.url}
          hint={ui.t('linkUrlHint')}
          error={errors?.url}
        />
      ) : null}
      <TextField
        id="res-name"
        name="name"
        label={ui.t('name')}
        value={values.name}
        hint={isNew ? ui.t('resourceNameHint') : undefined}
        error={errors?.name}
      />
      <TextArea
        id="res-description"
        name="description"
        label={ui.t('description')}
        value={values.description}
        rows={3}
        error={errors?.description}
      />
      <p>
        <input id="res-watch" type="checkbox" name="watch" value="1" checked={values.watch} />{' '}
        <label for="res-watch" class="inline-label">
          {ui.t('watchProgress')}
        </label>
      </p>
      <p>
        <button type="submit">{isNew ? ui.t('addResource') : ui.t('save')}</button>
      </p>
    </form>
  );
}

function formPage(
  req: StaffRequest,
  dataset: StaffDataset,
  values: ResourceValues,
  errors: FieldErrors | null,
  resource?: StaffResource,
): PrivatePage {
  const { ui } = req;
  const href = datasetHref(dataset);
  return {
    title: resource
      ? ui.t('editResourceOf', { name: resource.name || resource.id })
      : ui.t('addResource'),
    status: errors ? 400 : 200,
    breadcrumbs: [
      { href: '/staff', label: ui.t('staffHome') },
      { href, label: dataset.title || dataset.name },
    ],
    body: (
      <div>
        <FormErrors
          ui={ui}
          errors={errors}
          fields={{
            upload: ['res-file', ui.t('uploadFile')],
            url: ['res-url', ui.t('orLinkUrl')],
            name: ['res-name', ui.t('name')],
          }}
        />
        <ResourceForm
          ui={ui}
          csrf={req.csrf}
          action={resource ? `${resourceHref(resource)}/edit` : `${href}/resource/new`}
          values={values}
          errors={errors}
          isNew={!resource}
          maxBytes={req.platform.config.maxUploadBytes}
        />
      </div>
    ),
  };
}

/** The uploaded file of the form, if one was chosen (an empty file input sends a 0-byte part). */
function uploadOf(req: StaffRequest): Upload | undefined {
  const value = req.form.upload;
  return value instanceof Upload && value.file.size > 0 ? value : undefined;
}

function valuesOf(req: StaffRequest): ResourceValues {
  return {
    name: req.field('name'),
    description: typeof req.form.description === 'string' ? req.form.description : '',
    url: req.field('url'),
    watch: req.field('watch') === '1',
  };
}

function statusHref(resource: { id: string }, watch: boolean): string {
  return `${resourceHref(resource)}${watch ? '?watch=1' : ''}`;
}

/** `GET /staff/dataset/:id/resource/new`: upload a file (or give a link) as a new resource. */
export async function resourceNewPage(req: StaffRequest): Promise<StaffResult> {
  const dataset = await editableDataset(req, req.param('id'));
  return formPage(req, dataset, { name: '', description: '', url: '', watch: true }, null);
}

/**
 * `POST /staff/dataset/:id/resource/new`: resource_create with the uploaded file (the ingest is
 * queued by the write listener) or the link, then the resource's status page.
 */
export async function resourceCreate(req: StaffRequest): Promise<StaffResult> {
  const dataset = await editableDataset(req, req.param('id'));
  const values = valuesOf(req);
  const upload = uploadOf(req);
  if (!upload && values.url === '')
    return formPage(req, dataset, values, { upload: [req.ui.t('fileOrUrlNeeded')] });
  try {
    const created = await req.call<StaffResource>('resource_create', {
      package_id: dataset.id,
      name: values.name || upload?.fileName || '',
      description: values.description,
      ...(upload ? { upload } : { url: values.url }),
    });
    return { redirect: statusHref(created, values.watch) };
  } catch (error) {
    const errors = fieldErrorsOf(error);
    if (!errors) throw error;
    return formPage(req, dataset, values, errors);
  }
}

async function editableResource(req: StaffRequest) {
  const resource = await req.call<StaffResource>('resource_show', { id: req.param('id') });
  const dataset = await editableDataset(req, resource.package_id);
  return { resource, dataset };
}

/** `GET /staff/resource/:id/edit`: rename, describe or replace the file of a resource. */
export async function resourceEditPage(req: StaffRequest): Promise<StaffResult> {
  const { resource, dataset } = await editableResource(req);
  return formPage(
    req,
    dataset,
    { name: resource.name, description: resource.description, url: '', watch: true },
    null,
    resource,
  );
}

/** `POST /staff/resource/:id/edit`: resource_patch, with the new file when one was chosen. */
export async function resourceUpdate(req: StaffRequest): Promise<StaffResult> {
  const { resource, dataset } = await editableResource(req);
  const values = valuesOf(req);
  const upload = uploadOf(req);
  try {
    await req.call('resource_patch', {
      id: resource.id,
      name: values.name || upload?.fileName || resource.name,
      description: values.description,
      ...(upload ? { upload } : {}),
    });
    return { redirect: statusHref(resource, values.watch && upload !== undefined) };
  } catch (error) {
    const errors = fieldErrorsOf(error);
    if (!errors) throw error;
    return formPage(req, dataset, values, errors, resource);
  }
}
