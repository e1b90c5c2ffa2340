import type { ReactNode } from 'react';
import type { RunbookStepView } from '../step-view';
import CopyCommand from './CopyCommand';
import KindBadge from './KindBadge';
import StatusBadge from './StatusBadge';
import StepAnchor from './StepAnchor';
import StepResult from './StepResult';
import styles from './runbook-step.module.css';

/** The check badge under a runbook step: latest status, step id, kind, the command, and the latest result per environment. */
export default function RunbookStep({ step }: { step: RunbookStepView }): ReactNode {
  const [latest] = step.results;
  return (
    <div className={styles.step} data-step={step.stepId} data-status={latest?.status ?? 'none'}>
      <div className={styles.row}>
        <StatusBadge status={latest?.status ?? 'none'} {...(latest ? { word: latest.word } : {})} />
        <span className={`${styles.badge} ${styles.stepId}`}>{step.stepId}</span>
        <KindBadge kind={step.kind} />
        <CopyCommand command={step.command} label={step.fixCommand ? 'plan' : undefined} />
        {step.fixCommand && <CopyCommand command={step.fixCommand} label="apply" />}
        <StepAnchor stepId={step.stepId} />
      </div>
      <div className={styles.check} title={step.establishes}>
        <code>{step.checkId}</code> {step.title}
      </div>
      {step.results.map((result, index) => (
        <StepResult key={result.environment} result={result} role={step.role} latest={index === 0} />
      ))}
    </div>
  );
}
