import type { Ui } from '../i18n/ui.ts';
import type { JobDict } from './staff-results.ts';

/** 公開 / 非公開 / 下書き of a dataset, as text (the colour only repeats it). */
export function VisibilityBadge(props: { ui: Ui; dataset: { private: boolean; state: string } }) {
  const { ui, dataset } = props;
  if (dataset.state === 'draft') return <span class="badge lv-none">{ui.t('stateDraft')}</span>;
  return dataset.private ? (
    <span class="badge lv-warn">{ui.t('visibilityPrivate')}</span>
  ) : (
    <span class="badge lv-ok">{ui.t('visibilityPublic')}</span>
  );
}

const JOB_CLASS = {
  queued: 'lv-none',
  running: 'lv-warn',
  done: 'lv-ok',
  failed: 'lv-bad',
} as const;

/** A job's state in words, with the phase and rows handled while it runs. */
export function JobState(props: { ui: Ui; job: JobDict }) {
  const { ui, job } = props;
  const label = ui.t(`job_${job.state}`);
  const phase =
    job.state === 'running'
      ? ` ${ui.t('jobProgress', { phase: ui.t(phaseKey(job.progress.phase)), rows: ui.num(job.progress.rows) })}`
      : '';
  return (
    <span>
      <span class={`badge ${JOB_CLASS[job.state]}`}>{label}</span>
      {phase}
    </span>
  );
}

function phaseKey(phase: string) {
  if (phase === 'validate') return 'phase_validate' as const;
  if (phase === 'analyze') return 'phase_analyze' as const;
  if (phase === 'load') return 'phase_load' as const;
  if (phase === 'fetch') return 'phase_fetch' as const;
  return 'phase_other' as const;
}
