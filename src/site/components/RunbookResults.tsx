import Link from '@docusaurus/Link';
import { useLatestVersion } from '@docusaurus/plugin-content-docs/client';
import type { ReactNode } from 'react';
import type { ResultsPageView, RunSummaryView } from '../results-page-view';
import CopyCommand from './CopyCommand';
import RunTime from './RunTime';
import StatusCounts from './StatusCounts';
import styles from './overview.module.css';

function seconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}

/** A table of the page, with its column headings; on a phone its rows become cards. */
function ResultsTable({ columns, children }: { columns: readonly string[]; children: ReactNode }): ReactNode {
  return (
    <div className={styles.overview}>
      <table className={styles.table}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

function RecentRun({ run }: { run: RunSummaryView }): ReactNode {
  return (
    <tr data-run={run.id}>
      <td>
        <RunTime iso={run.startedAt} />
      </td>
      <td>
        {run.world ? `${run.environment} · world ${run.world}` : run.environment}
        {run.sandbox && <span className={styles.sandboxTag}>sandbox</span>}
      </td>
      <td>
        <code>{run.selection.length ? run.selection.join(' ') : 'every scenario'}</code>
        {run.fix && ' --fix'}
      </td>
      <td>
        <StatusCounts counts={run.totals} />
      </td>
      <td>{seconds(run.durationMs)}</td>
      <td>{run.user}</td>
      <td>{run.commit ? <code>{run.commit}</code> : 'not in git'}</td>
    </tr>
  );
}

/** The results page: what could not be read, each environment's latest results by scenario, and the recent runs. */
export default function RunbookResults({ results }: { results: ResultsPageView }): ReactNode {
  const docs = useLatestVersion(undefined).docs;
  const pageOf = (docId: string): string => docs.find((doc) => doc.id === docId)?.path ?? `/${docId}`;
  return (
    <div className={styles.results}>
      {results.environments.length === 0 && <p>No run recorded yet: run <code>npm run check -- 3.3</code>, then build the site again.</p>}
      {results.environments.map((environment) => (
        <section key={environment.environment} data-environment={environment.environment}>
          <h2>
            {environment.environment}
            {environment.sandbox && <span className={styles.sandboxTag}>sandbox</span>}
          </h2>
          <ResultsTable columns={['Scenario', 'Steps', 'Last run', 'Run it again']}>
            {environment.scenarios.map((scenario) => (
              <tr key={scenario.id} data-scenario={scenario.id}>
                <th scope="row">
                  <Link to={`${pageOf(scenario.docId)}#${scenario.anchor}`}>
                    {scenario.id} {scenario.title}
                  </Link>
                  {scenario.failing && <span className="runbook-failing-mark">failing</span>}
                </th>
                <td>
                  <StatusCounts counts={scenario.counts} />
                </td>
                <td>
                  <RunTime iso={scenario.lastRun!.startedAt} />
                  {scenario.lastRun!.world && ` · world ${scenario.lastRun!.world}`}
                </td>
                <td>
                  <CopyCommand command={scenario.lastRun!.command} />
                </td>
              </tr>
            ))}
          </ResultsTable>
        </section>
      ))}
      {results.recentRuns.length > 0 && (
        <section>
          <h2>Recent runs</h2>
          <ResultsTable columns={['When', 'Where', 'What', 'Outcome', 'Took', 'By', 'Commit']}>
            {results.recentRuns.map((run) => (
              <RecentRun key={run.id} run={run} />
            ))}
          </ResultsTable>
        </section>
      )}
    </div>
  );
}
