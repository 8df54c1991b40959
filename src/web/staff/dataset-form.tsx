import type { FieldErrors } from '../../core/errors.ts';
import type { GroupDict } from '../action-results.ts';
import type { PrivatePage } from '../auth/send-private-page.tsx';
import type { StaffRequest, StaffResult } from '../auth/staff-route.ts';
import type { Ui } from '../i18n/ui.ts';
import { datasetHref, editableDataset, editableOrganizations } from './access.ts';
import { type DatasetFormValues, datasetInput, datasetValues } from './dataset-input.ts';
import { CsrfField, FormErrors, fieldErrorsOf, TextArea, TextField } from './form-parts.tsx';
import type { LicenseDict, StaffDataset } from './staff-results.ts';

interface Choices {
  orgs: GroupDict[];
  groups: GroupDict[];
  licenses: LicenseDict[];
}

async function choices(req: StaffRequest): Promise<Choices> {
  const [orgs, groups, licenses] = await Promise.all([
    req.actor.sysadmin
      ? req.call<GroupDict[]>('organization_list', { all_fields: true, limit: 1000 })
      : editableOrganizations(req),
    req.call<GroupDict[]>('group_list', { all_fields: true }),
    req.call<LicenseDict[]>('license_list', {}),
  ]);
  return { orgs, groups, licenses };
}

function valuesFromForm(req: StaffRequest): DatasetFormValues {
  return {
    title: req.field('title'),
    name: req.field('name').toLowerCase(),
    notes: typeof req.form.notes === 'string' ? req.form.notes : '',
    owner_org: req.field('owner_org'),
    license_id: req.field('license_id'),
    tags: req.field('tags'),
    groups: req.fields('groups'),
    private: req.field('private') || 'true',
  };
}

/** The form's field ids and labels, for the error summary's links. */
function fieldLabels(ui: Ui): Record<string, [string, string]> {
  return {
    title: ['ds-title', ui.t('title')],
    name: ['ds-name', ui.t('urlName')],
    notes: ['ds-notes', ui.t('description')],
    owner_org: ['ds-org', ui.t('organization')],
    license_id: ['ds-license', ui.t('license')],
    tags: ['ds-tags', ui.t('tags')],
  };
}

function DatasetForm(props: {
  ui: Ui;
  csrf: string;
  action: string;
  values: DatasetFormValues;
  errors: FieldErrors | null;
  choices: Choices;
  isNew: boolean;
}) {
  const { ui, values, errors, choices: c, isNew } = props;
  return (
    <form class="staff-form" method="post" action={props.action}>
      <CsrfField token={props.csrf} />
      <TextField
        id="ds-title"
        name="title"
        label={ui.t('title')}
        value={values.title}
        required
        error={errors?.title}
      />
      <TextField
        id="ds-name"
        name="name"
        label={ui.t('urlName')}
        value={values.name}
        hint={ui.t('urlNameHint')}
        required
        pattern="[a-z0-9_\-]{2,100}"
        error={errors?.name}
      />
      <TextArea
        id="ds-notes"
        name="notes"
        label={ui.t('description')}
        value={values.notes}
        hint={ui.t('markdownHint')}
        error={errors?.notes}
      />
      {isNew ? (
        <p class={errors?.owner_org ? 'field has-error' : 'field'}>
          <label for="ds-org">{ui.t('organization')}</label>
          {errors?.owner_org ? (
            <span class="field-error" id="ds-org-error">
              {errors.owner_org.join(' ')}
            </span>
          ) : null}
          <select
            id="ds-org"
            name="owner_org"
            required
            aria-describedby={errors?.owner_org ? 'ds-org-error' : undefined}
          >
            {c.orgs.map((o) => (
              <option value={o.name} selected={o.name === values.owner_org}>
                {ui.pick(o.title, o.title_translated?.en)}
              </option>
            ))}
          </select>
        </p>
      ) : null}
      <p class="field">
        <label for="ds-license">{ui.t('license')}</label>
        <select id="ds-license" name="license_id">
          {c.licenses.map((l) => (
            <option value={l.id} selected={l.id === (values.license_id || 'cc-by-4.0')}>
              {ui.pick(l.title, l.title_en)}
            </option>
          ))}
        </select>
      </p>
      <TextField
        id="ds-tags"
        name="tags"
        label={ui.t('tags')}
        value={values.tags}
        hint={ui.t('tagsHint')}
        error={errors?.tags}
      />
      <fieldset>
        <legend>{ui.t('regions')}</legend>
        <div class="check-grid">
          {c.groups.map((g) => (
            <span>
              <input
                type="checkbox"
                id={`ds-group-${g.name}`}
                name="groups"
                value={g.name}
                checked={values.groups.includes(g.name)}
              />
              <label for={`ds-group-${g.name}`}>{ui.pick(g.title, g.title_translated?.en)}</label>
            </span>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{ui.t('visibility')}</legend>
        <span>
          <input
            type="radio"
            id="ds-private"
            name="private"
            value="true"
            checked={values.private !== 'false'}
          />
          <label for="ds-private">{ui.t('visibilityPrivateLong')}</label>
        </span>
        <span>
          <input
            type="radio"
            id="ds-public"
            name="private"
            value="false"
            checked={values.private === 'false'}
          />
          <label for="ds-public">{ui.t('visibilityPublicLong')}</label>
        </span>
      </fieldset>
      <p>
        <button type="submit">{isNew ? ui.t('createDataset') : ui.t('save')}</button>
      </p>
    </form>
  );
}

function formPage(
  req: StaffRequest,
  c: Choices,
  values: DatasetFormValues,
  errors: FieldErrors | null,
  dataset?: StaffDataset,
): PrivatePage {
  const { ui } = req;
  const title = dataset ? ui.t('editDatasetOf', { title: dataset.title }) : ui.t('newDataset');
  return {
    title,
    status: errors ? 400 : 200,
    breadcrumbs: [
      { href: '/staff', label: ui.t('staffHome') },
      ...(dataset ? [{ href: datasetHref(dataset), label: dataset.title }] : []),
    ],
    body: (
      <div>
        <FormErrors ui={ui} errors={errors} fields={fieldLabels(ui)} />
        {c.orgs.length === 0 && !dataset ? (
          <p>{ui.t('noEditableOrganizations')}</p>
        ) : (
          <DatasetForm
            ui={ui}
            csrf={req.csrf}
            action={dataset ? `${datasetHref(dataset)}/edit` : '/staff/dataset/new'}
            values={values}
            errors={errors}
            choices={c}
            isNew={!dataset}
          />
        )}
      </div>
    ),
  };
}

const EMPTY: DatasetFormValues = {
  title: '',
  name: '',
  notes: '',
  owner_org: '',
  license_id: 'cc-by-4.0',
  tags: '',
  groups: [],
  private: 'true',
};

/** `GET /staff/dataset/new`: the form of a new dataset (private until published). */
export async function datasetNewPage(req: StaffRequest): Promise<StaffResult> {
  const c = await choices(req);
  return formPage(req, c, { ...EMPTY, owner_org: req.query('org') ?? c.orgs[0]?.name ?? '' }, null);
}

/** `POST /staff/dataset/new`: package_create, then the dataset's staff page. */
export async function datasetCreate(req: StaffRequest): Promise<StaffResult> {
  const values = valuesFromForm(req);
  try {
    const created = await req.call<StaffDataset>('package_create', {
      ...datasetInput(values),
      owner_org: values.owner_org,
    });
    return { redirect: `${datasetHref(created)}?done=created` };
  } catch (error) {
    const errors = fieldErrorsOf(error);
    if (!errors) throw error;
    return formPage(req, await choices(req), values, errors);
  }
}

/** `GET /staff/dataset/:id/edit`: the dataset's form, filled in. */
export async function datasetEditPage(req: StaffRequest): Promise<StaffResult> {
  const dataset = await editableDataset(req, req.param('id'));
  return formPage(req, await choices(req), datasetValues(dataset), null, dataset);
}

/** `POST /staff/dataset/:id/edit`: package_patch with the form's fields. */
export async function datasetUpdate(req: StaffRequest): Promise<StaffResult> {
  const dataset = await editableDataset(req, req.param('id'));
  const values = valuesFromForm(req);
  try {
    const updated = await req.call<StaffDataset>('package_patch', {
      id: dataset.id,
      ...datasetInput(values),
    });
    return { redirect: `${datasetHref(updated)}?done=saved` };
  } catch (error) {
    const errors = fieldErrorsOf(error);
    if (!errors) throw error;
    return formPage(req, await choices(req), values, errors, dataset);
  }
}
