/** A fixed-size set of small integers (positions in the search index), 32 per word. */
export class Bitset {
  readonly words: Uint32Array;

  constructor(readonly size: number) {
    this.words = new Uint32Array((size + 31) >>> 5);
  }

  static full(size: number): Bitset {
    const b = new Bitset(size);
    b.words.fill(0xffffffff);
    b.#trim();
    return b;
  }

  add(i: number): void {
    this.words[i >>> 5] = (this.words[i >>> 5] ?? 0) | (1 << (i & 31));
  }

  has(i: number): boolean {
    return ((this.words[i >>> 5] ?? 0) & (1 << (i & 31))) !== 0;
  }

  and(other: Bitset): Bitset {
    const out = new Bitset(this.size);
    for (let w = 0; w < out.words.length; w++)
      out.words[w] = (this.words[w] ?? 0) & (other.words[w] ?? 0);
    return out;
  }

  or(other: Bitset): Bitset {
    const out = new Bitset(this.size);
    for (let w = 0; w < out.words.length; w++)
      out.words[w] = (this.words[w] ?? 0) | (other.words[w] ?? 0);
    return out;
  }

  not(): Bitset {
    const out = new Bitset(this.size);
    for (let w = 0; w < out.words.length; w++) out.words[w] = ~(this.words[w] ?? 0);
    out.#trim();
    return out;
  }

  count(): number {
    let n = 0;
    for (let w = 0; w < this.words.length; w++) n += popcount(this.words[w] ?? 0);
    return n;
  }

  /** |this ∩ other| without building the intersection. */
  countAnd(other: Bitset): number {
    let n = 0;
    for (let w = 0; w < this.words.length; w++)
      n += popcount((this.words[w] ?? 0) & (other.words[w] ?? 0));
    return n;
  }

  /** Members in ascending order, from the `skip`-th, at most `limit` of them. */
  slice(skip: number, limit: number): number[] {
    const out: number[] = [];
    let seen = 0;
    for (let w = 0; w < this.words.length && out.length < limit; w++) {
      let word = this.words[w] ?? 0;
      while (word !== 0 && out.length < limit) {
        const bit = 31 - Math.clz32(word & -word);
        word &= word - 1;
        if (seen++ >= skip) out.push((w << 5) + bit);
      }
    }
    return out;
  }

  #trim(): void {
    const extra = this.words.length * 32 - this.size;
    if (extra > 0 && this.words.length > 0) {
      const last = this.words.length - 1;
      this.words[last] = (this.words[last] ?? 0) & (0xffffffff >>> extra);
    }
  }
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
