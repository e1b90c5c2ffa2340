import path from 'node:path';
import { formatStoreProblem, readRuns } from '../../results';
import { UnknownEnvironmentError } from '../../runner/environment-errors';
import { formatAuditProblem, formatUnchainedNote, readAuditLog } from '../../runner/read-audit';
import { secretsFromEnvironment } from '../../redaction';
import { exitCodes } from '../options';
import { writeReportFile } from '../save-report';
import { parseSince } from '../since-option';
import type { StoreCommandContext } from '../store-command';
import { UsageError } from '../usage-error';
import { buildTranscript } from './transcript-entries';
import { buildTranscriptMarkdown } from './transcript-markdown';

/** The window of a transcript without `--since`. */
export const defaultTranscriptSince = '24h';

/**
 * `npm run check -- transcript [--since 2h] [--env NAME] [--markdown FILE]`: the incident's record from the
 * results store and the audit log, in time order, redacted; written to FILE, or printed. Exit 0, or 2 for a bad request.
 */
export async function runTranscript(context: StoreCommandContext): Promise<number> {
  const { options, io, config } = context;
  if (context.args.length > 0) throw new UsageError(`Unexpected ${context.args.join(' ')} after transcript: it records every run and action of the window; narrow it with --since or --env`);
  if (options.json) throw new UsageError('transcript writes Markdown: drop --json (history --json gives the runs as data)');
  if (options.env && !config.environments[options.env]) throw new UnknownEnvironmentError(options.env, Object.keys(config.environments));
  const since = parseSince(options.since ?? defaultTranscriptSince, context.now);
  const store = readRuns(context.root);
  const audit = readAuditLog(context.root);
  for (const problem of store.problems) io.err(`warning: ${formatStoreProblem(problem)}\n`);
  for (const problem of audit.problems) io.err(`warning: ${formatAuditProblem(problem)}\n`);
  const unchained = formatUnchainedNote(audit);
  if (unchained) io.err(`note: ${unchained}\n`);
  const transcript = buildTranscript(store.runs, audit.records, { since, ...(options.env ? { environment: options.env } : {}), now: context.now, secrets: secretsFromEnvironment(process.env) });
  const markdown = buildTranscriptMarkdown(transcript);
  if (!options.markdown) {
    io.out(markdown);
    return exitCodes.ok;
  }
  await writeReportFile(options.markdown, markdown);
  const runs = transcript.entries.filter((entry) => entry.kind === 'run').length;
  io.out(`Wrote the transcript of ${runs} run(s) and ${transcript.entries.length - runs} action(s) since ${transcript.since} to ${path.relative(process.cwd(), path.resolve(options.markdown)) || options.markdown}\n`);
  return exitCodes.ok;
}
