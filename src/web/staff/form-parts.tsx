import { type FieldErrors, isAppError } from '../../core/errors.ts';
import { CSRF_FIELD } from '../auth/request-checks.ts';
import type { Ui } from '../i18n/ui.ts';

/** The hidden field that carries the session's CSRF token; every staff form has one. */
export function CsrfField(props: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={props.token} />;
}

/**
 * The field errors of an action's refusal (validation or conflict), for showing next to the form;
 * null for any other error, which the caller rethrows.
 */
export function fieldErrorsOf(error: unknown): FieldErrors | null {
  if (!isAppError(error) || !['validation', 'conflict', 'bad_request'].includes(error.code))
    return null;
  const fields = error.fields ?? {};
  return Object.keys(fields).length > 0 ? fields : { __root__: [error.message] };
}

/** The error summary at the top of a refused form: each message links to its field. */
export function FormErrors(props: {
  ui: Ui;
  errors: FieldErrors | null | undefined;
  /** field name → [input id, label]; fields not listed are shown without a link. */
  fields?: Record<string, [string, string]>;
}) {
  const { ui, errors, fields = {} } = props;
  if (!errors || Object.keys(errors).length === 0) return null;
  return (
    <div class="form-errors" role="alert" tabindex={-1} id="form-errors">
      <h2>{ui.t('formErrorsTitle')}</h2>
      <ul>
        {Object.entries(errors).flatMap(([field, messages]) =>
          messages.map((message) => {
            const target = fields[field];
            return (
              <li>
                {target ? <a href={`#${target[0]}`}>{`${target[1]}: ${message}`}</a> : message}
              </li>
            );
          }),
        )}
      </ul>
    </div>
  );
}

/** A labelled text input with an optional hint and its error, tied together for screen readers. */
export function TextField(props: {
  id: string;
  name: string;
  label: string;
  value?: string;
  type?: 'text' | 'password' | 'url' | 'number' | 'email';
  hint?: string;
  error?: string[] | undefined;
  required?: boolean;
  autocomplete?: string;
  step?: string;
  pattern?: string;
}) {
  const { id, error, hint } = props;
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return (
    <p class={error ? 'field has-error' : 'field'}>
      <label for={id}>
        {props.label}
        {props.required ? <span class="required">{' *'}</span> : null}
      </label>
      {hint ? (
        <span class="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span class="field-error" id={`${id}-error`}>
          {error.join(' ')}
        </span>
      ) : null}
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        required={props.required}
        autocomplete={props.autocomplete}
        step={props.step}
        pattern={props.pattern}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy.length > 0 ? describedBy.join(' ') : undefined}
      />
    </p>
  );
}

/** A labelled multi-line input, like `TextField`. */
export function TextArea(props: {
  id: string;
  name: string;
  label: string;
  value?: string;
  hint?: string;
  error?: string[] | undefined;
  rows?: number;
}) {
  const { id, error, hint } = props;
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return (
    <p class={error ? 'field has-error' : 'field'}>
      <label for={id}>{props.label}</label>
      {hint ? (
        <span class="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span class="field-error" id={`${id}-error`}>
          {error.join(' ')}
        </span>
      ) : null}
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 6}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy.length > 0 ? describedBy.join(' ') : undefined}
      >
        {props.value ?? ''}
      </textarea>
    </p>
  );
}

/** A success note after a redirect (`?done=<key>`); only known keys, never text from the URL. */
export function DoneNote(props: {
  ui: Ui;
  done: string | undefined;
  messages: Record<string, string>;
}) {
  const text = props.done ? props.messages[props.done] : undefined;
  if (!text) return null;
  return (
    <p class="done-note" role="status">
      {text}
    </p>
  );
}
