import type { ReactNode } from 'react';
import { statuses } from '../../model';
import type { StatusCounts as Counts } from '../step-view';
import StatusBadge from './StatusBadge';
import styles from './overview.module.css';

const order = [...statuses, 'manual', 'none'] as const;

/** A scenario's steps counted by latest status, as badges: `2 fail · 5 pass · 1 not run`. */
export default function StatusCounts({ counts }: { counts: Counts }): ReactNode {
  const present = order.filter((status) => (counts[status] ?? 0) > 0);
  return (
    <span className={styles.counts}>
      {present.map((status) => (
        <span key={status} className={styles.count}>
          <StatusBadge status={status} word={`${counts[status]} ${status === 'none' ? 'not run' : status}`} />
        </span>
      ))}
    </span>
  );
}
