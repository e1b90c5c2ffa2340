import type { ReactNode } from 'react';
import type { StepResultView } from '../step-view';
import EvidenceList from './EvidenceList';
import styles from './runbook-step.module.css';

/** `2025-11-26T01:50:44.123Z` as `2025-11-26 01:50 UTC`, the same on the server and in the browser. */
function runTime(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}

const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** The last run of a step: its summary, where it ran, and its evidence and console links, folded. */
export default function StepResult({ result }: { result: StepResultView }): ReactNode {
  const where = result.world ? `${result.environment}, world ${result.world}` : result.environment;
  const folded = [
    result.evidence.length > 0 ? count(result.evidence.length, 'evidence item', 'evidence items') : 'no evidence',
    ...(result.links.length > 0 ? [count(result.links.length, 'link', 'links')] : []),
  ].join(', ');
  return (
    <div className={styles.result}>
      <p className={styles.summary}>{result.summary}</p>
      <details className={styles.details}>
        <summary>
          {`${folded} · ${runTime(result.startedAt)} · ${where}`}
        </summary>
        <EvidenceList evidence={result.evidence} />
        {result.links.length > 0 && (
          <ul className={styles.links}>
            {result.links.map((link) => (
              <li key={link.url}>
                <a href={link.url} target="_blank" rel="noopener noreferrer">
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        )}
      </details>
    </div>
  );
}
