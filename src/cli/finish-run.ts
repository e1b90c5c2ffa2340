import type { RunReport } from '../model';
import { reporters } from '../reporters/registry';
import { saveRun } from '../results';
import { currentUser } from '../runner/audit';
import { redactDeep, secretsFromEnvironment } from '../redaction';
import type { CliSession } from './cli-session';
import { publishToGithubActions } from './github-actions';
import { writeReportFile } from './save-report';

/** Prints the report that goes to standard output, if any. */
export function printReport(session: CliSession, report: RunReport): void {
  const name = session.outputs.stdout;
  if (name) session.io.out(reporters[name].build(report, session.screen));
}

/**
 * Everything after a run but printing: the report files (`--output-dir`, `--junit`, `--markdown`), the run
 * saved in the results store (unless `--no-save`), and in GitHub Actions the job summary and annotations (on standard error when standard
 * output carries a document).
 */
export async function writeRunOutputs(session: CliSession, report: RunReport): Promise<void> {
  for (const { reporter, file } of session.outputs.files) await writeReportFile(file, reporters[reporter].build(report, session.screen));
  if (session.options.save) {
    const command = redactDeep([...session.argv], secretsFromEnvironment(process.env));
    await saveRun({ root: session.root, config: session.config, report, command, user: currentUser() });
  }
  const annotate = session.outputs.stdout === 'terminal' || session.outputs.stdout === null ? session.io.out : session.io.err;
  await publishToGithubActions(report, session.runbook, annotate);
}
