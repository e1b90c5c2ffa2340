import useBrokenLinks from '@docusaurus/useBrokenLinks';
import type { MouseEvent, ReactNode } from 'react';
import styles from './runbook-step.module.css';

/** The `#` link of a step: it goes to the step's address and copies it, to paste in a ticket or a chat. */
export default function StepAnchor({ stepId }: { stepId: string }): ReactNode {
  // The step's item carries the id: registering it lets the build check links to `#step-…`.
  useBrokenLinks().collectAnchor(`step-${stepId}`);
  const copy = (event: MouseEvent<HTMLAnchorElement>): void => {
    void navigator.clipboard?.writeText(event.currentTarget.href).catch(() => undefined);
  };
  return (
    <a className={styles.anchor} href={`#step-${stepId}`} onClick={copy} aria-label={`Link to step ${stepId}`} title="Link to this step (copies its address)">
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M7.78 3.28a3.5 3.5 0 0 1 4.95 4.95l-1.5 1.5a.75.75 0 0 1-1.06-1.06l1.5-1.5a2 2 0 0 0-2.83-2.83l-2.5 2.5a2 2 0 0 0 0 2.83.75.75 0 0 1-1.06 1.06 3.5 3.5 0 0 1 0-4.95l2.5-2.5Zm.44 9.44a3.5 3.5 0 0 1-4.95-4.95l1.5-1.5a.75.75 0 0 1 1.06 1.06l-1.5 1.5a2 2 0 0 0 2.83 2.83l2.5-2.5a2 2 0 0 0 0-2.83.75.75 0 0 1 1.06-1.06 3.5 3.5 0 0 1 0 4.95l-2.5 2.5Z"
        />
      </svg>
    </a>
  );
}
