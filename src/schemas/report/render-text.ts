import type { ReportIssue, ValidationReport } from '../validate/report-types.ts';

/** Options of `renderReportText`. */
export interface RenderOptions {
  lang?: 'ja' | 'en';
  /** Shown in the first line. */
  fileName?: string;
  /** Issues listed in detail (default 50); the summary always counts all. */
  maxIssues?: number;
}

const WORDS = {
  ja: {
    title: 's5 検証結果',
    valid: '適合',
    invalid: '不適合',
    unreadable: '読み込み不可',
    result: '結果',
    counts: (e: number, w: number, n: number) => `エラー ${e} 件、警告 ${w} 件、注意 ${n} 件`,
    file: 'ファイル',
    dataset: 'データセット',
    none: '判定できず',
    nearest: '近いもの',
    rows: 'データ行数',
    generation: { current: '現行（定義書A）', legacy: '旧（推奨データセット）' },
    unverified: '項目一覧は未検証',
    confidence: '確度',
    columns: '列の対応（定義書どおりでないもの）',
    unknownColumn: '（定義書にない列）',
    byCode: 'コード別件数',
    details: '詳細',
    severity: { error: 'エラー', warning: '警告', notice: '注意' },
    at: (row: number | null, column: number | null, name: string | null) =>
      [
        row === null ? '' : `${row}行目`,
        column === null ? '' : `${column}列目`,
        name ? `「${name}」` : '',
      ]
        .filter(Boolean)
        .join(' '),
    whole: 'ファイル全体',
    fixable: '自動修正可',
    more: (n: number) => `ほか ${n} 件は省略しました（--json で最大件数まで確認できます）。`,
    truncated: (n: number) => `上限を超えたため一覧から除いた件数: ${n}`,
  },
  en: {
    title: 's5 validation report',
    valid: 'valid',
    invalid: 'invalid',
    unreadable: 'unreadable',
    result: 'Result',
    counts: (e: number, w: number, n: number) => `${e} errors, ${w} warnings, ${n} notices`,
    file: 'File',
    dataset: 'Dataset',
    none: 'not recognised',
    nearest: 'nearest',
    rows: 'Data rows',
    generation: { current: 'current (定義書A)', legacy: 'legacy (推奨データセット)' },
    unverified: 'column list unverified',
    confidence: 'confidence',
    columns: 'Column mapping (where it differs from the definition book)',
    unknownColumn: '(not in the definition book)',
    byCode: 'Counts by code',
    details: 'Details',
    severity: { error: 'error', warning: 'warning', notice: 'notice' },
    at: (row: number | null, column: number | null, name: string | null) =>
      [
        row === null ? '' : `row ${row}`,
        column === null ? '' : `column ${column}`,
        name ? `"${name}"` : '',
      ]
        .filter(Boolean)
        .join(', '),
    whole: 'whole file',
    fixable: 'fixable',
    more: (n: number) => `${n} more not shown (see --json for all kept issues).`,
    truncated: (n: number) => `Left out of the list over the per-code cap: ${n}`,
  },
} as const;

/** Renders a validation report as readable text, Japanese by default. */
export function renderReportText(report: ValidationReport, options: RenderOptions = {}): string {
  const lang = options.lang ?? 'ja';
  const w = WORDS[lang];
  const s = report.summary;
  const lines: string[] = [`${w.title}${options.fileName ? ` — ${options.fileName}` : ''}`];
  const verdict = !report.readable ? w.unreadable : report.valid ? w.valid : w.invalid;
  const counts = w.counts(s.errors, s.warnings, s.notices);
  lines.push(
    lang === 'ja' ? `${w.result}: ${verdict}（${counts}）` : `${w.result}: ${verdict} (${counts})`,
  );
  if (report.readable) {
    const container = [
      report.format?.toUpperCase(),
      report.encoding,
      report.lineEnding?.toUpperCase(),
      report.sheetName,
    ]
      .filter(Boolean)
      .join(' / ');
    lines.push(`${w.file}: ${container}`);
    lines.push(`${w.dataset}: ${datasetLine(report, lang)}`);
    lines.push(`${w.rows}: ${s.rows}`);
    lines.push(...columnLines(report, lang));
  }
  const codes = Object.entries(s.byCode);
  if (codes.length > 0) {
    lines.push('', `${w.byCode}:`);
    for (const [code, count] of codes)
      lines.push(`  ${code.padEnd(38)} ${String(count).padStart(7)}`);
  }
  const max = options.maxIssues ?? 50;
  if (report.issues.length > 0) {
    lines.push('', `${w.details}:`);
    for (const issue of bySeverity(report.issues).slice(0, max))
      lines.push(...issueLines(issue, lang));
    if (report.issues.length > max) lines.push(`  ${w.more(report.issues.length - max)}`);
  }
  const omitted = Object.values(report.truncated).reduce((a, b) => a + b, 0);
  if (omitted > 0) lines.push(`  ${w.truncated(omitted)}`);
  return `${lines.join('\n')}\n`;
}

function datasetLine(report: ValidationReport, lang: 'ja' | 'en'): string {
  const w = WORDS[lang];
  const schema = report.schema;
  if (!schema) {
    const near = report.nearMisses
      .map((m) => `${m.title[lang]} ${m.confidence.toFixed(2)}`)
      .join(', ');
    if (!near) return w.none;
    return lang === 'ja'
      ? `${w.none}（${w.nearest}: ${near}）`
      : `${w.none} (${w.nearest}: ${near})`;
  }
  const parts = [
    `${schema.title[lang]} [${schema.id}]`,
    w.generation[schema.generation],
    `${w.confidence} ${schema.confidence.toFixed(2)}`,
  ];
  if (!schema.verified) parts.push(w.unverified);
  return parts.join(' / ');
}

function columnLines(report: ValidationReport, lang: 'ja' | 'en'): string[] {
  const w = WORDS[lang];
  if (!report.schema) return [];
  const odd = report.columnMapping.filter((c) => c.match !== 'exact');
  if (odd.length === 0) return [];
  return [
    `${w.columns}:`,
    ...odd.map(
      (c) =>
        `  ${String(c.column).padStart(3)} ${c.header} → ${c.field ?? w.unknownColumn} (${c.match})`,
    ),
  ];
}

function issueLines(issue: ReportIssue, lang: 'ja' | 'en'): string[] {
  const w = WORDS[lang];
  const where = w.at(issue.row, issue.column, issue.columnName) || w.whole;
  const mark = issue.fixable
    ? ` [${w.fixable}${issue.fixedValue === undefined ? '' : `: ${issue.fixedValue}`}]`
    : '';
  return [
    `  [${w.severity[issue.severity]}] ${where}: ${issue.message[lang]} (${issue.code})${mark}`,
    `      → ${issue.fix[lang]}`,
  ];
}

const RANK = { error: 0, warning: 1, notice: 2 } as const;

/** Errors first, then warnings, then notices; in file order within each. */
function bySeverity(issues: readonly ReportIssue[]): ReportIssue[] {
  return issues
    .map((issue, order) => ({ issue, order }))
    .sort((a, b) => RANK[a.issue.severity] - RANK[b.issue.severity] || a.order - b.order)
    .map((x) => x.issue);
}
