import { defineCheck, evidence, fail, pass, warn, type CheckContext } from '../../src/check-api';
import type { DbtClient } from '../../src/clients/dbt';
import { formatDuration } from '../../src/diagnostics/duration';
import { describeFailure, failures } from '../../src/diagnostics/dbt/failures';
import { loadManifest, loadRunResults } from '../../src/diagnostics/dbt/load-artifacts';
import { summaryLine } from '../../src/diagnostics/dbt/summarize-run';

/** Runs the configured test command, streaming its output to the log; keeps the last lines as evidence. */
async function runTests(ctx: CheckContext, dbt: DbtClient, executable: string) {
  const tail: string[] = [];
  const argv = [executable, ...dbt.testCommand.slice(1)];
  const outcome = await dbt.run(argv, {
    signal: ctx.signal,
    onLine: (line) => {
      ctx.log(line);
      tail.push(line);
      if (tail.length > 20) tail.shift();
    },
  });
  return { command: dbt.testCommand.join(' '), outcome, tail };
}

/** 3.4.1: the failing dbt tests, from `dbt test` when dbt is installed, else from the latest run_results.json. */
export default defineCheck({
  id: 'dbt-test-results',
  title: 'dbt tests pass',
  establishes: 'Every test (and model) of the latest dbt invocation passed; when dbt is installed the tests are run now, otherwise the latest artifacts are read and their age reported.',
  kind: 'check',
  uses: ['dbt:test', 'dbt:run_results.json', 'dbt:manifest.json'],
  async run(ctx) {
    const dbt = ctx.clients.dbt();
    const executable = dbt.runTests === 'auto' ? dbt.findCli() : null;
    const seen = [];
    let source: string;
    if (executable) {
      const ran = await runTests(ctx, dbt, executable);
      source = `ran \`${ran.command}\` (exit code ${ran.outcome.exitCode ?? ran.outcome.signal})`;
      seen.push(evidence('command', ran.command), evidence('exit code', ran.outcome.exitCode), evidence('output (last lines)', ran.tail));
    } else {
      source = dbt.runTests === 'never' ? 'read the latest artifacts (running dbt is turned off: dbt.runTests = never)' : `read the latest artifacts (${dbt.testCommand[0]} is not installed on PATH)`;
    }
    const loaded = loadRunResults(dbt);
    const run = loaded.value;
    const age = ctx.clock.now().getTime() - new Date(run.generatedAt).getTime();
    const manifest = loadManifest(dbt).value;
    const found = failures(run, manifest);
    seen.push(
      evidence('source', executable ? 'dbt CLI' : 'artifacts'),
      evidence('run_results.json', loaded.path),
      evidence('invocation', { command: run.command, dbtVersion: run.dbtVersion, generatedAt: run.generatedAt, age: formatDuration(age), schemaVersion: run.schemaVersion }),
      evidence('summary', summaryLine(run)),
      evidence('failures', found.map(describeFailure)),
    );
    const when = `dbt ${run.command ?? 'invocation'} ${formatDuration(age)} ago`;
    if (found.length > 0) {
      const names = found.map((f) => `${f.node?.name ?? f.result.uniqueId} (${f.result.status}${f.result.failures ? `, ${f.result.failures} rows` : ''})`);
      return fail(`${found.length} failing in the ${when}: ${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}; ${source}`, { evidence: seen });
    }
    if (!executable && age > dbt.artifactMaxAgeHours * 3_600_000) {
      return warn(`no failing tests, but the artifacts are ${formatDuration(age)} old (over ${dbt.artifactMaxAgeHours}h): run dbt test for a current answer; ${source}`, { evidence: seen });
    }
    return pass(`no failing tests in the ${when} (${summaryLine(run)}); ${source}`, { evidence: seen });
  },
});
