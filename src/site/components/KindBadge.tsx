import type { ReactNode } from 'react';
import type { RunbookStepView } from '../step-view';
import styles from './runbook-step.module.css';

const labels: Record<RunbookStepView['kind'], { text: string; hint: string }> = {
  check: { text: 'read-only', hint: 'A read-only check: it asks the services and changes nothing.' },
  action: { text: 'action', hint: 'An action: it changes something, and only with --fix after showing its plan.' },
};

/** Says whether a step only reads (check) or changes something (action, only with --fix). */
export default function KindBadge({ kind }: { kind: RunbookStepView['kind'] }): ReactNode {
  const label = labels[kind];
  return (
    <span className={`${styles.badge} ${kind === 'action' ? styles.kindAction : styles.kindCheck}`} title={label.hint}>
      {label.text}
    </span>
  );
}
