import { openTableFile } from '../read/index.ts';
import type { ValidationReport } from './report-types.ts';
import { readOptions, type ValidateBytesOptions } from './validate-bytes.ts';
import { unreadableReport, validateTable } from './validate-table.ts';

/** Validates a file on disk, streaming it. Never throws (unreadable → `readable: false`). */
export async function validateFile(
  path: string,
  options: ValidateBytesOptions = {},
): Promise<ValidationReport> {
  try {
    const opened = await openTableFile(path, { fileName: path, ...readOptions(options) });
    return await validateTable(opened, options);
  } catch (error) {
    return unreadableReport(null, error, options);
  }
}
