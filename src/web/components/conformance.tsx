import type { MessageKey } from '../i18n/messages.ts';
import type { Ui } from '../i18n/ui.ts';

/** Conformance levels (from ingest / coverage) → label key, CSS class and a text symbol. */
const LEVELS: Record<string, { key: MessageKey; cls: string; symbol: string }> = {
  conforming: { key: 'levelConforming', cls: 'lv-ok', symbol: '◎' },
  conforming_with_warnings: { key: 'levelWarnings', cls: 'lv-warn', symbol: '○' },
  nonconforming: { key: 'levelNonconforming', cls: 'lv-bad', symbol: '△' },
  unreadable: { key: 'levelUnreadable', cls: 'lv-bad', symbol: '×' },
  nonstandard: { key: 'levelNonstandard', cls: 'lv-none', symbol: '・' },
  missing: { key: 'levelMissing', cls: 'lv-missing', symbol: '—' },
};

/** The display of a level; unknown levels show as they are. */
export function levelOf(level: string): { key: MessageKey | null; cls: string; symbol: string } {
  return LEVELS[level] ?? { key: null, cls: 'lv-none', symbol: '?' };
}

/** The levels in legend order. */
export const LEGEND_LEVELS = [
  'conforming',
  'conforming_with_warnings',
  'nonconforming',
  'missing',
] as const;

/** A badge naming the level in words (colour is never the only cue). */
export function ConformanceBadge(props: { ui: Ui; level: string }) {
  const l = levelOf(props.level);
  return (
    <span class={`badge ${l.cls}`}>
      <span aria-hidden="true">{l.symbol} </span>
      {l.key ? props.ui.t(l.key) : props.level}
    </span>
  );
}
