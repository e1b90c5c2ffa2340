import type { ReactNode } from 'react';
import { statuses } from '../../model';
import StatusBadge, { statusHints } from './StatusBadge';
import styles from './overview.module.css';

const order = [...statuses, 'manual', 'none'] as const;

/** What each badge means, in words: the overview's key for readers new to the runbook, and for screens without hover. */
export default function StatusLegend(): ReactNode {
  return (
    <dl className={styles.legend} data-legend="statuses">
      {order.map((status) => (
        <div key={status} className={styles.legendItem}>
          <dt>
            <StatusBadge status={status} />
          </dt>
          <dd>{statusHints[status]}</dd>
        </div>
      ))}
    </dl>
  );
}
