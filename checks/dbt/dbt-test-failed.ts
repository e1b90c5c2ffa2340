import { defineCheck, evidence, fail, pass, skip, warn } from '../../src/check-api';
import { formatDuration } from '../../src/diagnostics/duration';
import { loadManifest, loadRunResults } from '../../src/diagnostics/dbt/load-artifacts';
import { summaryLine } from '../../src/diagnostics/dbt/summarize-run';
import { testOutcomes, type TestOutcome } from '../../src/diagnostics/dbt/test-outcomes';

const describeTest = (t: TestOutcome) => ({ test: t.name, kind: t.kind, status: t.result.status, failures: t.result.failures, message: t.result.message?.slice(0, 300) ?? null });
const names = (tests: readonly TestOutcome[]) => tests.slice(0, 5).map((t) => `${t.kind}: ${t.name}${t.result.failures ? ` (${t.result.failures} rows)` : ''}`).join(', ') + (tests.length > 5 ? ', …' : '');

/** 3.4 symptom: the latest dbt invocation that ran tests has failing tests, or tests that could not run because a model upstream broke. */
export default defineCheck({
  id: 'dbt-test-failed',
  title: 'The latest dbt tests did not fail',
  establishes:
    'No test of the latest dbt invocation (run_results.json) failed or errored, and none was skipped because a model upstream of it errored; read from the artifacts, without running dbt.',
  kind: 'check',
  uses: ['dbt:run_results.json', 'dbt:manifest.json'],
  async run(ctx) {
    const dbt = ctx.clients.dbt();
    const loaded = loadRunResults(dbt);
    const run = loaded.value;
    const outcomes = testOutcomes(run, loadManifest(dbt).value);
    const when = `the dbt ${run.command ?? 'invocation'} ${formatDuration(ctx.clock.now().getTime() - new Date(run.generatedAt).getTime())} ago`;
    const seen = [
      evidence('run_results.json', loaded.path),
      evidence('summary', summaryLine(run)),
      evidence('tests', outcomes.tests.length),
      evidence('failing tests', outcomes.failing.map(describeTest)),
      evidence('skipped because upstream broke', outcomes.skipped.map(describeTest)),
      evidence('broken upstream nodes', outcomes.brokenUpstream.map((r) => ({ node: r.uniqueId, status: r.status }))),
    ];
    if (outcomes.tests.length === 0) return skip(`${when} ran no tests: nothing to judge`, { evidence: seen });
    if (outcomes.failing.length > 0) return fail(`dbt test fails: ${outcomes.failing.length} failing in ${when}: ${names(outcomes.failing)}`, { evidence: seen });
    if (outcomes.skipped.length > 0) {
      const upstream = outcomes.brokenUpstream.map((r) => r.uniqueId.split('.').pop()).join(', ');
      return fail(`dbt test fails: ${outcomes.skipped.length} tests could not run in ${when} because ${upstream} errored upstream`, { evidence: seen });
    }
    if (outcomes.warning.length > 0) return warn(`${outcomes.warning.length} tests warn in ${when}: ${names(outcomes.warning)}`, { evidence: seen });
    return pass(`all ${outcomes.tests.length} tests passed in ${when}`, { evidence: seen });
  },
});
