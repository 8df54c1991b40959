import { detach } from './detach-string.ts';

const LIMIT = 4096;
const TRIAL = 4096;
const MAX_LENGTH = 64;

/**
 * Values one column already found clean, so a repeated value costs one hash lookup. Columns whose
 * values rarely repeat (ID, 名称) switch it off after a trial, so they pay nothing for it. Bounded
 * and built of detached copies: memory stays flat in file size.
 */
export class CleanValues {
  readonly #set = new Set<string>();
  #lookups = 0;
  #hits = 0;
  #on = true;

  has(value: string): boolean {
    if (!this.#on) return false;
    this.#lookups += 1;
    if (this.#set.has(value)) {
      this.#hits += 1;
      return true;
    }
    if (this.#lookups === TRIAL && this.#hits * 4 < this.#lookups) {
      this.#on = false;
      this.#set.clear();
    }
    return false;
  }

  add(value: string): void {
    if (this.#on && this.#set.size < LIMIT && value.length <= MAX_LENGTH)
      this.#set.add(detach(value));
  }
}
