import type { ReactNode } from 'react';
import type { StepRole } from '../../model';
import { statusWord } from '../status-words';
import type { StepResultView } from '../step-view';
import ConsoleLinks from './ConsoleLinks';
import CopyCommand from './CopyCommand';
import EvidenceList from './EvidenceList';
import RunTime from './RunTime';
import StatusBadge from './StatusBadge';
import styles from './runbook-step.module.css';

const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/**
 * A step's latest result in one environment: where and when it ran, since when its status holds, its
 * summary, console links (unfolded) and evidence (folded). A result other than the step's latest also
 * shows its own status and the command that reproduces it.
 */
export default function StepResult({ result, role, latest }: { result: StepResultView; role: StepRole; latest: boolean }): ReactNode {
  const where = result.world ? `${result.environment} · world ${result.world}` : result.environment;
  const before = result.previousStatus ? `was ${statusWord(role, result.previousStatus)}` : 'first recorded';
  return (
    <div className={styles.result} data-environment={result.environment}>
      <div className={styles.resultHead}>
        {!latest && <StatusBadge status={result.status} word={result.word} />}
        <span className={styles.where}>{where}</span>
        <span>
          ran <RunTime iso={result.startedAt} />
        </span>
        <span>
          {result.word} since {result.statusSince === result.startedAt ? 'this run' : <RunTime iso={result.statusSince} />} ({before})
        </span>
        {!latest && <CopyCommand command={result.command} />}
      </div>
      <p className={styles.summary}>{result.summary}</p>
      <ConsoleLinks links={result.links} sandbox={result.sandbox} />
      {result.evidence.length > 0 && (
        <details className={styles.details}>
          <summary>{count(result.evidence.length, 'evidence item', 'evidence items')}</summary>
          <EvidenceList evidence={result.evidence} />
        </details>
      )}
    </div>
  );
}
