import { finalizeCheck, finding, type Inspection } from './check-result.ts';
import { isPlaceholder } from './detect-placeholder.ts';
import { formatTime, parseTime } from './parse-time.ts';
import type { ValueCheck, ValueFinding } from './types.ts';

function inspectTime(value: string): Inspection {
  const found = value.trim();
  if (found === '') return { findings: [] };
  if (isPlaceholder(found))
    return { findings: [finding('placeholder_value', { found })], candidate: '' };
  const parsed = parseTime(found);
  switch (parsed.kind) {
    case 'time': {
      // 定義書: 時刻（hh:mm）; GIF 日付時刻 also allows seconds, kept when they are not :00.
      const keepSeconds = parsed.second !== undefined && parsed.second !== 0;
      const expected = formatTime(
        keepSeconds ? parsed : { hour: parsed.hour, minute: parsed.minute },
      );
      const findings: ValueFinding[] = [];
      if (found !== expected) findings.push(finding('time_not_hhmm', { found, expected }));
      if (parsed.hour === 24) findings.push(finding('time_end_of_day', { found }));
      if (keepSeconds) findings.push(finding('time_with_seconds', { found }));
      return { findings, candidate: expected };
    }
    case 'all_day':
      return { findings: [finding('time_all_day', { found })] };
    case 'range':
      return {
        findings: [finding('time_range', { found, start: parsed.start, end: parsed.end })],
      };
    case 'ambiguous':
      return { findings: [finding('time_ambiguous', { found })] };
    default:
      return { findings: [finding('time_invalid', { found })] };
  }
}

/**
 * Checks a 時刻 value: zero-padded 24-hour `hh:mm` conforms (`09:00`); `9:00`, `9時30分`,
 * `09:00:00` and full-width digits get a fix; `24:00` is accepted as end of day (notice);
 * `終日`, ranges, ambiguous hours and prose are reported without a fix.
 */
export function checkTime(value: string): ValueCheck {
  return finalizeCheck(value, inspectTime(value), inspectTime);
}
