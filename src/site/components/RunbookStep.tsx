import type { ReactNode } from 'react';
import type { RunbookStepView } from '../step-view';
import CopyCommand from './CopyCommand';
import KindBadge from './KindBadge';
import StatusBadge from './StatusBadge';
import StepResult from './StepResult';
import styles from './runbook-step.module.css';

/** The check badge under a runbook step: step id, kind, command, last status, and the last result. */
export default function RunbookStep({ step }: { step: RunbookStepView }): ReactNode {
  return (
    <div className={styles.step} id={`step-${step.stepId}`} data-step={step.stepId} data-status={step.result?.status ?? 'none'}>
      <div className={styles.row}>
        <StatusBadge result={step.result} />
        <span className={`${styles.badge} ${styles.stepId}`}>{step.stepId}</span>
        <KindBadge kind={step.kind} />
        <CopyCommand command={step.command} label={step.fixCommand ? 'plan' : undefined} />
        {step.fixCommand && <CopyCommand command={step.fixCommand} label="apply" />}
      </div>
      <div className={styles.check} title={step.establishes}>
        <code>{step.checkId}</code> {step.title}
      </div>
      {step.result && <StepResult result={step.result} />}
    </div>
  );
}
