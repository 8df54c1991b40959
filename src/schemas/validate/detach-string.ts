/**
 * A copy of a string that shares no memory with the text it was cut from. V8 keeps a slice of 13+
 * characters as a view on its parent: a cell value kept in a memo or a report would pin the whole
 * decoded chunk it came from, and memory would grow with the file.
 */
export function detach(value: string): string {
  return value.length < 13 ? value : ` ${value}`.slice(1);
}
