import type { ReactNode } from 'react';
import type { EvidenceView } from '../step-view';
import styles from './runbook-step.module.css';

/** Evidence as a definition list; every value is text, multi-line values keep their lines. */
export default function EvidenceList({ evidence }: { evidence: readonly EvidenceView[] }): ReactNode {
  if (evidence.length === 0) return null;
  return (
    <dl className={styles.evidence}>
      {evidence.map((item, index) => (
        <div key={`${index}-${item.label}`}>
          <dt>{item.label}</dt>
          <dd>{item.value.includes('\n') ? <pre>{item.value}</pre> : <code>{item.value}</code>}</dd>
        </div>
      ))}
    </dl>
  );
}
