import path from 'node:path';
import type { RunReport } from '../model';
import { reporters, type ReporterName } from '../reporters/registry';
import { runsDir, saveRun } from '../results';
import { currentUser } from '../runner/audit';
import { redactDeep, secretsFromEnvironment } from '../redaction';
import type { CliSession } from './cli-session';
import { publishToGithubActions } from './github-actions';
import { checkOutputFile, OutputFileError, writeOutputFile } from './output-files';
import { writeReportFile } from './save-report';

/** Prints the report that goes to standard output, if any. */
export function printReport(session: CliSession, report: RunReport): void {
  const name = session.outputs.stdout;
  if (name) session.io.out(reporters[name].build(report, session.screen));
}

const exampleNames: Record<ReporterName, string> = { terminal: 'report.txt', json: 'results.json', junit: 'report.xml', markdown: 'report.md' };

/**
 * Checks, before any check runs, that every file the run will write can be written: the report files and the
 * results store's folder (unless `--no-save`). Throws OutputFileError naming the option and the path.
 */
export async function checkRunOutputs(session: CliSession): Promise<void> {
  for (const { option, file, reporter } of session.outputs.files) await checkOutputFile(option, file, { exampleName: exampleNames[reporter] });
  if (session.options.save) await checkOutputFile('the saved result', path.join(session.root, runsDir, 'run.json'), { exampleName: 'run.json', hint: 'or run with --no-save' });
}

/**
 * Everything after a run but printing: the report files (`--output-dir`, `--junit`, `--markdown`), the run
 * saved in the results store (unless `--no-save`), and in GitHub Actions the job summary and annotations (on standard error when standard
 * output carries a document). Each write has a deadline; one that fails is named on standard error and the
 * others still happen. Returns how many were not written.
 */
export async function writeRunOutputs(session: CliSession, report: RunReport): Promise<number> {
  let unwritten = 0;
  const attempt = (option: string, file: string, write: () => Promise<unknown>) =>
    writeOutputFile(option, file, async () => void (await write())).catch((error: unknown) => {
      if (!(error instanceof OutputFileError)) throw error;
      session.io.err(`${error.message}\n`);
      unwritten++;
    });
  for (const { reporter, file, option } of session.outputs.files) await attempt(option, file, () => writeReportFile(file, reporters[reporter].build(report, session.screen)));
  if (session.options.save) {
    const command = redactDeep([...session.argv], secretsFromEnvironment(process.env));
    await attempt('the saved result', path.join(session.root, runsDir), async () => saveRun({ root: session.root, config: session.config, report, command, user: currentUser(), ...(session.commit ? { commit: await session.commit } : {}) }));
  }
  const annotate = session.outputs.stdout === 'terminal' || session.outputs.stdout === null ? session.io.out : session.io.err;
  await publishToGithubActions(report, session.runbook, annotate);
  return unwritten;
}
