import type { ReactNode } from 'react';
import type { ScenarioSummaryView } from '../step-view';
import RunTime from './RunTime';
import StatusCounts from './StatusCounts';
import StatusLegend from './StatusLegend';
import styles from './overview.module.css';

/** Where a scenario last ran: `sandbox · world healthy`. */
export function whereText(lastRun: NonNullable<ScenarioSummaryView['lastRun']>): string {
  return lastRun.world ? `${lastRun.environment} · world ${lastRun.world}` : lastRun.environment;
}

/** The runbook page's first table: every scenario with its severity, its steps' latest statuses, and where and when it last ran. */
export default function ScenarioOverview({ scenarios }: { scenarios: readonly ScenarioSummaryView[] }): ReactNode {
  return (
    <div className={styles.overview}>
      <table className={styles.table}>
        <caption>Scenarios at a glance: the latest result of each step, in the environment the scenario last ran in</caption>
        <thead>
          <tr>
            <th scope="col">Scenario</th>
            <th scope="col">Severity</th>
            <th scope="col">Steps</th>
            <th scope="col">Last run</th>
            <th scope="col">Environment</th>
          </tr>
        </thead>
        <tbody>
          {scenarios.map((scenario) => (
            <tr key={scenario.id} data-scenario={scenario.id} data-failing={scenario.failing ? 'true' : 'false'}>
              <th scope="row">
                <a href={`#${scenario.anchor}`}>
                  {scenario.id} {scenario.title}
                </a>
                {scenario.failing && <span className="runbook-failing-mark">failing</span>}
              </th>
              <td>{scenario.severity ? <span className={styles.severity} data-severity={scenario.severity}>{scenario.severity}</span> : '—'}</td>
              <td>
                <StatusCounts counts={scenario.counts} />
              </td>
              <td>{scenario.lastRun ? <RunTime iso={scenario.lastRun.startedAt} /> : 'not run'}</td>
              <td>
                {scenario.lastRun ? whereText(scenario.lastRun) : '—'}
                {scenario.lastRun?.sandbox && <span className={styles.sandboxTag}>sandbox</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <StatusLegend />
    </div>
  );
}
