import type { DetectedEncoding, LineEnding, TableFormat } from '../read/types.ts';
import type { Generation } from '../schema-format.ts';

/** How serious an issue is; only errors make a file invalid. */
export type IssueSeverity = 'error' | 'warning' | 'notice';

/** A text in Japanese and English. */
export interface Bilingual {
  ja: string;
  en: string;
}

/** One problem, located: row is the record number as a spreadsheet shows it (header = 1). */
export interface ReportIssue {
  code: string;
  severity: IssueSeverity;
  /** null for file-level issues. */
  row: number | null;
  /** 1-based column; null for file- and row-level issues. */
  column: number | null;
  /** The header cell of that column as written in the file. */
  columnName: string | null;
  value?: string;
  message: Bilingual;
  fix: Bilingual;
  /** True when `--fix` corrects it with certainty. */
  fixable: boolean;
  /** The corrected value `--fix` writes, when fixable. */
  fixedValue?: string;
}

/** The schema a file was validated against. */
export interface ReportSchema {
  id: string;
  title: Bilingual;
  generation: Generation;
  verified: boolean;
  /** 0..1: how well the header matches. */
  confidence: number;
}

/** One file column and the schema item it was read as. */
export interface ReportColumn {
  column: number;
  header: string;
  /** Schema item name, or null when the column is not part of the schema. */
  field: string | null;
  match: string;
  score: number;
}

/** Counts over the whole file, never capped. */
export interface ReportSummary {
  /** Data rows (header excluded). */
  rows: number;
  errors: number;
  warnings: number;
  notices: number;
  byCode: Record<string, number>;
}

/** The validation report: close to Frictionless' report, with s5's bilingual messages. */
export interface ValidationReport {
  valid: boolean;
  readable: boolean;
  encoding: DetectedEncoding | null;
  format: TableFormat | null;
  lineEnding: LineEnding | null;
  sheetName: string | null;
  schema: ReportSchema | null;
  nearMisses: Array<{ id: string; title: Bilingual; confidence: number }>;
  columnMapping: ReportColumn[];
  summary: ReportSummary;
  issues: ReportIssue[];
  /** Issues left out of `issues` per code (the cap), with how many. */
  truncated: Record<string, number>;
}

/** Progress of a long validation, for progress bars. */
export interface ValidationProgress {
  rows: number;
  bytes: number;
}

/** Options of `validateTable` and `validateBytes`. */
export interface ValidateOptions {
  /** Validate against this schema (id, number or slug) instead of recognising it. */
  schemaId?: string;
  /** Language of the text report only; the JSON report always carries both. */
  lang?: 'ja' | 'en';
  /** Two-digit code of the publishing prefecture, e.g. '01' (Hokkaido): enables area checks. */
  prefectureCode?: string;
  /** Issues kept per code (default 100); the rest are counted in `truncated`. */
  maxErrorsPerCode?: number;
  onProgress?: (progress: ValidationProgress) => void;
}
