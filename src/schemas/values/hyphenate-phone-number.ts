// Group sizes that 総務省「電気通信番号指定状況」 prescribes for non-geographic numbers
// (070/080/090-CDE-FGHJK, 050-CDEF-XXXX, 0120-DEF-XXX, 0800-DEF-XXXX, 0570/0990-DEF-XXX, 020, 0600).
// Geographic numbers are not listed: the split depends on the 市外局番 (1–5 digits), which only
// the 総務省 area-code table can tell.
const NON_GEOGRAPHIC: readonly { prefix: RegExp; groups: readonly number[] }[] = [
  // 0800 before 080: the 0800 block is free dial, never a mobile number.
  { prefix: /^0800\d{7}$/, groups: [4, 3, 4] },
  { prefix: /^0[2789]0\d{8}$/, groups: [3, 4, 4] },
  { prefix: /^050\d{8}$/, groups: [3, 4, 4] },
  { prefix: /^0120\d{6}$/, groups: [4, 3, 3] },
  { prefix: /^0570\d{6}$/, groups: [4, 3, 3] },
  { prefix: /^0990\d{6}$/, groups: [4, 3, 3] },
  { prefix: /^0600\d{7}$/, groups: [4, 3, 4] },
];

/**
 * Inserts hyphens into a digits-only domestic number when the split is fixed by the numbering
 * plan (mobile, IP, free dial, navi dial …); undefined for geographic numbers.
 */
export function hyphenatePhoneNumber(digits: string): string | undefined {
  const rule = NON_GEOGRAPHIC.find((r) => r.prefix.test(digits));
  if (rule === undefined) return undefined;
  const parts: string[] = [];
  let at = 0;
  for (const size of rule.groups) {
    parts.push(digits.slice(at, at + size));
    at += size;
  }
  return parts.join('-');
}

// 11 digits: M2M (020), IP (050), mobile/PHS (070/080/090), 0800 free dial and 0600 FMC.
const ELEVEN_DIGITS = /^0(?:[25789]0|800|600)/;
const NEVER_TEN_DIGITS = /^0[25789]0/;

/** True when a domestic number has the digit count Japan's numbering plan gives its prefix. */
export function hasValidDigitCount(digits: string): boolean {
  if (digits.length === 11) return ELEVEN_DIGITS.test(digits);
  return digits.length === 10 && /^0[1-9]/.test(digits) && !NEVER_TEN_DIGITS.test(digits);
}
