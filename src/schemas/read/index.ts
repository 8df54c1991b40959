/** Public surface of the file-reading layer: bytes in, text rows out (see README.md). */
export { detectEncoding } from './detect-encoding.ts';
export { openTable, openTableFile } from './open-table.ts';
export type { ReadErrorCode } from './read-error.ts';
export type {
  ByteSource,
  DetectedEncoding,
  LineEnding,
  OpenedTable,
  OpenTableOptions,
  RawRow,
  ReadIssue,
  ReadIssueCode,
  TableFormat,
  TableInfo,
} from './types.ts';
