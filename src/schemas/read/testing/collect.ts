import type { OpenedTable, RawRow } from '../types.ts';

/** Reads every row of an opened table. */
export async function collectRows(table: OpenedTable): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  for await (const row of table.rows) rows.push(row);
  return rows;
}

/** Only the cells of every row. */
export async function collectCells(table: OpenedTable): Promise<string[][]> {
  return (await collectRows(table)).map((row) => row.cells);
}

/** Feeds `bytes` as an async stream cut at the given offsets (to split characters across chunks). */
export async function* chunked(bytes: Uint8Array, cuts: number[]): AsyncGenerator<Uint8Array> {
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    const to = Math.min(Math.max(cut, from), bytes.length);
    if (to > from) yield bytes.slice(from, to);
    from = to;
  }
  if (from < bytes.length) yield bytes.slice(from);
}

/** UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
