import { defineCheck, evidence, fail, pass, warn, type CheckContext } from '../../src/check-api';
import type { DbtClient } from '../../src/clients/dbt';
import { formatDuration } from '../../src/diagnostics/duration';
import { describeFailure, failureName, failures, warnings, type Failure } from '../../src/diagnostics/dbt/failures';
import { loadManifest, loadRunResults } from '../../src/diagnostics/dbt/load-artifacts';
import type { Manifest } from '../../src/diagnostics/dbt/manifest';
import { UnsupportedSchemaVersionError } from '../../src/diagnostics/dbt/schema-version';
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

/** The manifest, or null with the reason when its schema is one this parser does not read: failures are then reported unmapped. */
function manifestIfSupported(dbt: DbtClient): { manifest: Manifest | null; note: string | null } {
  try {
    return { manifest: loadManifest(dbt).value, note: null };
  } catch (error) {
    if (error instanceof UnsupportedSchemaVersionError) return { manifest: null, note: `tests not mapped to models: ${error.message}` };
    throw error;
  }
}

const named = (found: readonly Failure[]) => {
  const names = found.map((f) => `${failureName(f)} (${f.result.status}${f.result.failures ? `, ${f.result.failures} rows` : ''})`);
  return `${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}`;
};

/** 3.4.1: the failing dbt tests, from `dbt test` when dbt is installed, else from the latest run_results.json. */
export default defineCheck({
  id: 'dbt-test-results',
  title: 'dbt tests pass',
  establishes: 'Every test (and model) of the latest dbt invocation passed, none over its warn threshold; when dbt is installed the tests are run now, otherwise the latest artifacts are read and their age reported.',
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
    const { manifest, note } = manifestIfSupported(dbt);
    const found = failures(run, manifest);
    const warned = warnings(run, manifest);
    const unmapped = note ? `; ${note}` : '';
    seen.push(
      evidence('source', executable ? 'dbt CLI' : 'artifacts'),
      evidence('run_results.json', loaded.path),
      evidence('invocation', { command: run.command, dbtVersion: run.dbtVersion, generatedAt: run.generatedAt, age: formatDuration(age), schemaVersion: run.schemaVersion }),
      evidence('summary', summaryLine(run)),
      evidence('failures', found.map(describeFailure)),
      evidence('warnings', warned.map(describeFailure)),
      ...(note ? [evidence('manifest', note)] : []),
    );
    const when = `dbt ${run.command ?? 'invocation'} ${formatDuration(age)} ago`;
    if (found.length > 0) {
      const alsoWarned = warned.length ? `; ${warned.length} more warn: ${named(warned)}` : '';
      return fail(`${found.length} failing in the ${when}: ${named(found)}${alsoWarned}; ${source}${unmapped}`, { evidence: seen });
    }
    if (warned.length > 0) return warn(`${warned.length} test${warned.length > 1 ? 's' : ''} over the warn threshold in the ${when}: ${named(warned)} (${summaryLine(run)}); ${source}${unmapped}`, { evidence: seen });
    if (!executable && age > dbt.artifactMaxAgeHours * 3_600_000) {
      return warn(`no failing tests, but the artifacts are ${formatDuration(age)} old (over ${dbt.artifactMaxAgeHours}h): run dbt test for a current answer; ${source}${unmapped}`, { evidence: seen });
    }
    return pass(`no failing tests in the ${when} (${summaryLine(run)}); ${source}${unmapped}`, { evidence: seen });
  },
});
