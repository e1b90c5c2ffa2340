import type { ReactNode } from 'react';
import type { Status } from '../../model';
import styles from './runbook-step.module.css';

/** What each status means, as a badge's tooltip and in the overview's legend. */
export const statusHints: Record<Status | 'none' | 'manual', string> = {
  pass: 'Healthy here',
  fail: 'The problem is here',
  warn: 'Worth a look',
  skip: 'Not applicable, or an action not asked for',
  acknowledged: 'A known failure the team acknowledged, until its expiry',
  error: 'The check could not tell (credentials, timeout, throttling)',
  none: 'No result recorded yet',
  manual: 'No check yet: done by hand',
};

/** A status as a coloured badge, in the words of the step (`present`, `ruled out`), or "not run". */
export default function StatusBadge({ status, word }: { status: Status | 'none' | 'manual'; word?: string }): ReactNode {
  const text = word ?? (status === 'none' ? 'not run' : status);
  return (
    <span className={`${styles.badge} ${styles.status}`} data-status={status} title={statusHints[status]}>
      {text}
    </span>
  );
}
