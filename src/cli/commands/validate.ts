import { stat } from 'node:fs/promises';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { type Command, Option } from 'commander';
import {
  type FixResult,
  fixTableToFile,
  openTableFile,
  renderReportText,
  type ValidationProgress,
  type ValidationReport,
  validateFile,
} from '../../schemas/index.ts';

/** Where a command writes and how it ends; injectable so commands can be tested in-process. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Sets the exit code (0 valid, 1 invalid, 2 unreadable or bad usage). */
  exit(code: number): void;
  /** True when a progress bar may be drawn: stderr is a terminal and CI is unset. */
  interactive: boolean;
}

/** The real process: stdout, stderr, `process.exitCode`. */
export const processIo: CliIo = {
  out: (text) => {
    process.stdout.write(text);
  },
  err: (text) => {
    process.stderr.write(text);
  },
  exit: (code) => {
    process.exitCode = code;
  },
  interactive: Boolean(process.stderr.isTTY) && !process.env.CI,
};

interface ValidateFlags {
  schema?: string;
  sheet?: string;
  lang: 'ja' | 'en';
  json?: boolean;
  fix?: string;
  prefecture?: string;
  maxErrors?: string;
}

/**
 * `s5 validate <file>`: checks a CSV/TSV/XLSX file against the standard dataset its header
 * matches. Exit code 0 valid, 1 invalid, 2 unreadable. `--fix out.csv` writes a corrected UTF-8
 * copy applying only certain fixes, and lists every change.
 */
export function register(program: Command, io: CliIo = processIo): void {
  program
    .command('validate <file>')
    .description('標準データセットとして検証 / validate a file against the standard datasets')
    .option('--schema <id>', 'データセットを指定（例: a13, r08-public_toilet）/ use this schema')
    .option('--sheet <name>', 'xlsx のシート名 / xlsx sheet name')
    .addOption(
      new Option('--lang <lang>', '表示言語 / language').choices(['ja', 'en']).default('ja'),
    )
    .option('--json', 'JSON で出力 / print the JSON report')
    .option(
      '--fix <out.csv>',
      '確実な修正だけを適用して UTF-8 で書き出す / write a fixed UTF-8 copy',
    )
    .option('--prefecture <code>', '公開する都道府県コード（例: 01）/ publishing prefecture code')
    .option('--max-errors <n>', 'コードごとの表示上限（既定 100）/ issues kept per code')
    .addHelpText(
      'after',
      '\n例 / example:\n  s5 validate 012301_public_toilet.csv --prefecture 01 --fix fixed.csv\n',
    )
    .action(async (file: string, flags: ValidateFlags) => {
      await runValidate(file, flags, io);
    });
}

async function runValidate(file: string, flags: ValidateFlags, io: CliIo): Promise<void> {
  const options = {
    fileName: path.basename(file),
    lang: flags.lang,
    ...(flags.schema === undefined ? {} : { schemaId: flags.schema }),
    ...(flags.sheet === undefined ? {} : { sheet: flags.sheet }),
    ...(flags.prefecture === undefined ? {} : { prefectureCode: flags.prefecture }),
    ...(Number.isInteger(Number(flags.maxErrors))
      ? { maxErrorsPerCode: Number(flags.maxErrors) }
      : {}),
  };
  const bar = await progressBar(file, io, flags.lang);
  const report = await validateFile(file, { ...options, onProgress: bar.update });
  bar.stop();
  let fix: FixResult | undefined;
  if (flags.fix !== undefined && report.readable) {
    const opened = await openTableFile(file, {
      fileName: file,
      ...(flags.sheet === undefined ? {} : { sheet: flags.sheet }),
    });
    fix = await fixTableToFile(opened, flags.fix, {
      ...(report.schema ? { schemaId: report.schema.id } : {}),
      ...(flags.prefecture === undefined ? {} : { prefectureCode: flags.prefecture }),
    });
  }
  if (flags.json) io.out(`${JSON.stringify(fix ? { ...report, fix } : report, null, 2)}\n`);
  else {
    io.out(renderReportText(report, { lang: flags.lang, fileName: file }));
    if (fix && flags.fix !== undefined) io.out(renderFix(fix, flags.fix, flags.lang));
  }
  io.exit(exitCode(report));
}

/** 0 valid, 1 invalid, 2 unreadable. */
export function exitCode(report: ValidationReport): number {
  if (!report.readable) return 2;
  return report.valid ? 0 : 1;
}

function renderFix(fix: FixResult, out: string, lang: 'ja' | 'en'): string {
  const head =
    lang === 'ja'
      ? `\n修正版を書き出しました: ${out}（UTF-8、CRLF、${fix.rowsWritten} 行、変更 ${fix.totalChanges} 件）\n`
      : `\nWrote the fixed copy: ${out} (UTF-8, CRLF, ${fix.rowsWritten} rows, ${fix.totalChanges} changes)\n`;
  const lines = fix.changes.map((c) => {
    const where = c.column === null ? `${c.row}` : `${c.row}:${c.column}`;
    return `  ${where} ${c.columnName ?? ''} ${JSON.stringify(c.from)} → ${JSON.stringify(c.to)} (${c.codes.join(', ')})`;
  });
  const more = fix.truncated
    ? [
        lang === 'ja'
          ? `  ほか ${fix.totalChanges - fix.changes.length} 件`
          : `  and ${fix.totalChanges - fix.changes.length} more`,
      ]
    : [];
  return `${head}${[...lines, ...more].join('\n')}\n`;
}

interface Bar {
  update: (progress: ValidationProgress) => void;
  stop: () => void;
}

async function progressBar(file: string, io: CliIo, lang: 'ja' | 'en'): Promise<Bar> {
  const silent: Bar = { update: () => undefined, stop: () => undefined };
  // A bar only on a terminal: CI logs and pipes get no control sequences.
  if (!io.interactive) return silent;
  const size = await stat(file).then(
    (s) => s.size,
    () => 0,
  );
  if (size === 0) return silent;
  const label = lang === 'ja' ? '検証中' : 'Validating';
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${label} [{bar}] {percentage}% | {rows} rows`,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(size, 0, { rows: 0 });
  return {
    update: (p) => bar.update(Math.min(p.bytes, size), { rows: p.rows }),
    stop: () => bar.stop(),
  };
}
