import type { Dataset } from '../action-results.ts';
import type { Ui } from '../i18n/ui.ts';

/** Plain-text start of a Markdown description, for result lists. */
export function excerpt(notes: string, max = 120): string {
  const text = notes
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#*_`>|~-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** The distinct formats of a dataset's resources, in first-seen order. */
export function formatsOf(d: Dataset): string[] {
  return [...new Set(d.resources.map((r) => r.format.trim().toUpperCase()).filter((f) => f))];
}

/** A list of datasets: title, publisher, formats, updated date and the start of the notes. */
export function DatasetList(props: { ui: Ui; datasets: Dataset[]; headingLevel?: 2 | 3 }) {
  const { ui } = props;
  const H = props.headingLevel === 3 ? 'h3' : 'h2';
  return (
    <ul class="dataset-list">
      {props.datasets.map((d) => (
        <li class="dataset-item">
          <H class="dataset-title">
            <a href={`/dataset/${encodeURIComponent(d.name)}`}>{d.title || d.name}</a>
          </H>
          <dl class="dataset-meta">
            <div>
              <dt>{ui.t('publisher')}</dt>
              <dd>
                {d.organization ? (
                  <a href={`/organization/${encodeURIComponent(d.organization.name)}`}>
                    {d.organization.title}
                  </a>
                ) : (
                  '—'
                )}
              </dd>
            </div>
            <div>
              <dt>{ui.t('formats')}</dt>
              <dd>
                {formatsOf(d).length === 0
                  ? '—'
                  : formatsOf(d).map((f) => <span class="format">{f}</span>)}
              </dd>
            </div>
            <div>
              <dt>{ui.t('updated')}</dt>
              <dd>
                <time datetime={`${d.metadata_modified.slice(0, 19)}Z`}>
                  {ui.date(d.metadata_modified)}
                </time>
              </dd>
            </div>
          </dl>
          {d.notes ? <p class="dataset-notes">{excerpt(d.notes)}</p> : null}
        </li>
      ))}
    </ul>
  );
}
