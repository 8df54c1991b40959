import { ENGINE_CODES } from './engine-messages.ts';
import type { Bilingual, IssueSeverity } from './report-types.ts';
import { FINDING_SEVERITY, MESSAGES } from './value-rules.ts';

type Params = Readonly<Record<string, string | number>>;

function isEngineCode(code: string): code is keyof typeof ENGINE_CODES {
  return Object.hasOwn(ENGINE_CODES, code);
}

function isValueCode(code: string): code is keyof typeof MESSAGES {
  return Object.hasOwn(MESSAGES, code);
}

/** The message and suggested fix of an issue code, in Japanese and English. */
export function describeIssue(
  code: string,
  params: Params,
): { message: Bilingual; fix: Bilingual } {
  if (isEngineCode(code)) {
    const text = ENGINE_CODES[code];
    return {
      message: { ja: text.ja(params), en: text.en(params) },
      fix: { ja: text.fixJa(params), en: text.fixEn(params) },
    };
  }
  if (isValueCode(code)) {
    const text = MESSAGES[code];
    return {
      message: { ja: text.ja(params), en: text.en(params) },
      fix: { ja: text.fix_ja(params), en: text.fix_en(params) },
    };
  }
  return {
    message: { ja: `確認が必要です（${code}）。`, en: `Needs a look (${code}).` },
    fix: { ja: '該当箇所を確認してください。', en: 'Check the value.' },
  };
}

/** The fixed severity of a code, whichever layer emits it. */
export function severityOfCode(code: string): IssueSeverity {
  if (isEngineCode(code)) return ENGINE_CODES[code].severity;
  if (Object.hasOwn(FINDING_SEVERITY, code))
    return FINDING_SEVERITY[code as keyof typeof FINDING_SEVERITY]; // narrowed by hasOwn just above
  return 'warning';
}

/** Every code the validator can report (engine and value codes), for tests and docs. */
export function knownIssueCodes(): string[] {
  return [...Object.keys(ENGINE_CODES), ...Object.keys(MESSAGES)];
}
