import { openTable } from '../read/index.ts';
import type { ByteSource, OpenTableOptions } from '../read/types.ts';
import type { ValidateOptions, ValidationReport } from './report-types.ts';
import { unreadableReport, validateTable } from './validate-table.ts';

/** Options of `validateBytes`: how to read the bytes and how to validate them. */
export type ValidateBytesOptions = ValidateOptions &
  Pick<OpenTableOptions, 'fileName' | 'sheet' | 'format'>;

/**
 * Reads bytes as a table (CSV, TSV or XLSX, encoding detected) and validates it. Never throws:
 * unreadable input gives a report with `readable: false`.
 */
export async function validateBytes(
  source: ByteSource,
  options: ValidateBytesOptions = {},
): Promise<ValidationReport> {
  try {
    const opened = await openTable(source, readOptions(options));
    return await validateTable(opened, options);
  } catch (error) {
    return unreadableReport(null, error, options);
  }
}

/** The reading part of the options. */
export function readOptions(options: ValidateBytesOptions): OpenTableOptions {
  return {
    ...(options.fileName === undefined ? {} : { fileName: options.fileName }),
    ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
    ...(options.format === undefined ? {} : { format: options.format }),
  };
}
