import type { ReactNode } from 'react';
import type { ManualStepView } from '../step-view';
import StatusBadge from './StatusBadge';
import StepAnchor from './StepAnchor';
import styles from './runbook-step.module.css';

const byHand: Record<ManualStepView['role'], string> = {
  action: 'do this step by hand',
  symptom: 'look for this symptom by hand',
  cause: 'weigh this cause by hand',
  check: 'check this by hand',
  note: 'follow this by hand',
};

/** The badge of a step without a check: it reads "manual" and says there is no check yet. */
export default function ManualStep({ step }: { step: ManualStepView }): ReactNode {
  return (
    <div className={styles.step} data-step={step.stepId} data-status="manual">
      <div className={styles.row}>
        <StatusBadge status="manual" />
        <span className={`${styles.badge} ${styles.stepId}`}>{step.stepId}</span>
        <span className={styles.manualNote}>no check yet: {byHand[step.role]}</span>
        <StepAnchor stepId={step.stepId} />
      </div>
    </div>
  );
}
