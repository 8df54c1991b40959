const WEIGHTS = [6, 5, 4, 3, 2] as const;

/**
 * Check digit of a 5-digit 地方公共団体コード (JIS X 0401/0402, 総務省): S = Σ digit × (6,5,4,3,2),
 * check = last digit of 11 − (S mod 11), so remainder 0 → 1 and remainder 1 → 0.
 * Returns undefined unless the input is exactly five ASCII digits.
 */
export function computeCheckDigit(fiveDigits: string): string | undefined {
  if (!/^\d{5}$/.test(fiveDigits)) return undefined;
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) {
    sum += Number(fiveDigits.charAt(i)) * (WEIGHTS[i] ?? 0);
  }
  // standard-datasets.md §5: verified on all 179 Hokkaido codes, e.g. 歌志内市 01227 (r=0) → 012271.
  return String((11 - (sum % 11)) % 10);
}

/** True when the value is six ASCII digits whose last digit is the check digit of the first five. */
export function hasValidCheckDigit(sixDigits: string): boolean {
  return /^\d{6}$/.test(sixDigits) && computeCheckDigit(sixDigits.slice(0, 5)) === sixDigits[5];
}
