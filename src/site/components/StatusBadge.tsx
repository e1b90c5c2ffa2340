import type { ReactNode } from 'react';
import type { StepResultView } from '../step-view';
import styles from './runbook-step.module.css';

/** The status of a step's last run, coloured (pass, fail, warn, acknowledged, skip, error), or "not run". */
export default function StatusBadge({ result }: { result?: StepResultView }): ReactNode {
  const status = result?.status ?? 'none';
  return (
    <span className={`${styles.badge} ${styles.status}`} data-status={status} title={result ? `Last run: ${result.status}` : 'No result recorded yet'}>
      {result ? result.status : 'not run'}
    </span>
  );
}
