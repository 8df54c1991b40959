import type { CoverageMatrix } from '../action-results.ts';
import { ConformanceBadge, LEGEND_LEVELS, levelOf } from '../components/conformance.tsx';
import type { Ui } from '../i18n/ui.ts';
import { coverageView, type Generation } from './coverage-view.ts';

/** The legend of the coverage colours and symbols (colour is never the only cue). */
export function CoverageLegend(props: { ui: Ui; headingLevel?: 2 | 3 }) {
  const { ui } = props;
  const H = props.headingLevel === 3 ? 'h3' : 'h2';
  return (
    <div class="legend">
      <H id="legend-heading">{ui.t('legend')}</H>
      <ul aria-labelledby="legend-heading">
        {LEGEND_LEVELS.map((l) => (
          <li>
            <ConformanceBadge ui={ui} level={l} />
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The publisher × standard dataset matrix as a table heat map: a row header per publisher, a
 * column header per dataset, each cell a symbol and colour from the legend. With `transpose`
 * (one publisher), datasets are rows and the cell says the level in words.
 */
export function CoverageTable(props: {
  ui: Ui;
  matrix: CoverageMatrix;
  generation: Generation;
  transpose?: boolean;
}) {
  const { ui } = props;
  const view = coverageView(props.matrix, props.generation);
  if (props.transpose) {
    const row = view.rows[0];
    return (
      <table class="data-table">
        <caption>{ui.t('coverageOfOrg')}</caption>
        <thead>
          <tr>
            <th scope="col">{ui.t('schema')}</th>
            <th scope="col">{ui.t('status')}</th>
            <th scope="col">{ui.t('rows')}</th>
          </tr>
        </thead>
        <tbody>
          {view.columns.map((c, i) => {
            const cell = row?.cells[i];
            return (
              <tr>
                <th scope="row">{ui.pick(c.title.ja, c.title.en)}</th>
                <td>
                  <ConformanceBadge ui={ui} level={cell?.level ?? 'missing'} />
                </td>
                <td>{cell?.rowCount == null ? '—' : ui.num(cell.rowCount)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    );
  }
  return (
    <section class="table-scroll" tabindex={0} aria-labelledby="coverage-caption">
      <table class="coverage-table">
        <caption id="coverage-caption">
          {ui.t('coverageCaption', { n: ui.num(view.rows.length), m: ui.num(view.columns.length) })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{ui.t('publisher')}</th>
            {view.columns.map((c) => (
              <th scope="col" class="vertical">
                <span>{ui.pick(c.title.ja, c.title.en)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.rows.map((r) => (
            <tr>
              <th scope="row">
                <a href={`/organization/${encodeURIComponent(r.publisher.name)}`}>
                  {r.publisher.title}
                </a>
              </th>
              {r.cells.map((cell) => {
                const l = levelOf(cell.level);
                return cell.level === 'missing' ? (
                  <td class={l.cls}>{l.symbol}</td>
                ) : (
                  <td class={l.cls}>
                    <span aria-hidden="true">{l.symbol}</span>
                    <span class="visually-hidden">{l.key ? ui.t(l.key) : cell.level}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{ui.t('publishing')}</th>
            {view.publishing.map((n) => (
              <td>{ui.num(n)}</td>
            ))}
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
