import path from 'node:path';
import type { RunReport } from '../model';
import { buildJsonReport } from '../reporters/json';
import { latestReportPath } from '../reporters/locations';
import { reporters } from '../reporters/registry';
import type { CliSession } from './cli-session';
import { publishToGithubActions } from './github-actions';
import { writeReportFile } from './save-report';

/** Prints the report that goes to standard output, if any. */
export function printReport(session: CliSession, report: RunReport): void {
  const name = session.outputs.stdout;
  if (name) session.io.out(reporters[name].build(report, session.screen));
}

/**
 * Everything after a run but printing: the report files (`--output-dir`, `--junit`, `--markdown`), the saved
 * result document, and in GitHub Actions the job summary and annotations (on standard error when standard
 * output carries a document).
 */
export async function writeRunOutputs(session: CliSession, report: RunReport): Promise<void> {
  for (const { reporter, file } of session.outputs.files) await writeReportFile(file, reporters[reporter].build(report, session.screen));
  if (session.options.save) await writeReportFile(path.join(session.root, latestReportPath), buildJsonReport(report));
  const annotate = session.outputs.stdout === 'terminal' || session.outputs.stdout === null ? session.io.out : session.io.err;
  await publishToGithubActions(report, session.runbook, annotate);
}
