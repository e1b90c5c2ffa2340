import path from 'node:path';
import { Command, Option } from 'commander';
import { loadCheck } from '../catalog/load-check';
import { loadConfig } from '../config';
import { formatDiagnostic, hasErrors, type RunReport } from '../model';
import { defaultLayout, loadRunbook } from '../parser/load';
import { buildJsonReport } from '../reporters/json';
import { buildJunitXml } from '../reporters/junit';
import { latestReportPath } from '../reporters/locations';
import { buildMarkdownReport } from '../reporters/markdown';
import type { Screen } from '../reporters/screen';
import { buildTerminalReport } from '../reporters/terminal';
import { listWorlds, loadWorld } from '../sandbox/world/load-world';
import { runSteps } from '../runner/run';
import { selectSteps } from '../runner/select';
import { describeFailure } from './describe-failure';
import { buildScenarioList } from './list';
import { checkOptions, exitCodes, type CheckOptions } from './options';
import { checkOutputFile, OutputFileError, writeOutputFile } from './output-files';
import { parseParams } from './params';
import { writeReportFile } from './save-report';

/** Where the command writes: standard output and error, and the screen it draws on. */
export interface CommandIo {
  out: (text: string) => void;
  err: (text: string) => void;
  screen: Screen;
}

const exitCodesHelp = 'Exit codes: 0 nothing failed · 1 a check found a problem · 2 a check could not run or the request was bad.';

/** Builds the commander program from the option table. */
export function buildProgram(): Command {
  const program = new Command('npm run check --')
    .description('Runs the runbook checks of a scenario (3.3) or a step (3.3.1) and reports pass or fail per step.')
    .argument('[ids...]', 'scenario or step ids, e.g. 3.3 or 3.3.1 (default: every scenario)')
    .exitOverride()
    .configureOutput({ writeOut: () => undefined, writeErr: () => undefined });
  for (const spec of Object.values(checkOptions)) {
    const option = new Option(spec.flags, spec.description);
    if ('repeatable' in spec && spec.repeatable) option.argParser((value: string, previous: string[] = []) => [...previous, value]);
    program.addOption(option);
  }
  return program;
}

function exitCodeOf(report: RunReport): number {
  if (report.totals.fail > 0) return exitCodes.failed;
  if (report.totals.error > 0) return exitCodes.unusable;
  return exitCodes.ok;
}

/** Runs `npm run check` with the given arguments and returns the exit code; bad requests get a message and 2. */
export async function runCheckCommand(argv: readonly string[], root: string, io: CommandIo): Promise<number> {
  try {
    return await execute(argv, root, io);
  } catch (error) {
    io.err(`${describeFailure(error)}\n`);
    return exitCodes.unusable;
  }
}

async function execute(argv: readonly string[], defaultRoot: string, io: CommandIo): Promise<number> {
  const program = buildProgram();
  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.help') {
      io.out(`${program.helpInformation()}\n${exitCodesHelp}\n`);
      return exitCodes.ok;
    }
    io.err(`${(error as Error).message}\n${program.helpInformation()}`);
    return exitCodes.unusable;
  }
  const options = program.opts<CheckOptions>();
  const root = options.root ? path.resolve(options.root) : defaultRoot;
  const ids = program.args;
  const screen: Screen = { ...io.screen, color: io.screen.color && options.color };

  if (options.listWorlds) {
    const now = new Date();
    io.out(listWorlds().map((name) => `${name.padEnd(32)} ${loadWorld(name, now).header.description}`).join('\n') + '\n');
    return exitCodes.ok;
  }
  const config = loadConfig(root);
  const { runbook, diagnostics } = await loadRunbook(defaultLayout(root));
  for (const diagnostic of diagnostics) io.err(`${formatDiagnostic(diagnostic)}\n`);
  if (hasErrors(diagnostics)) {
    io.err('The runbook has errors (above); fix them, or run npm run lint:runbook for the full list.\n');
    return exitCodes.unusable;
  }
  if (options.list) {
    io.out(buildScenarioList(runbook, screen));
    return exitCodes.ok;
  }
  const steps = selectSteps(runbook, ids);
  const declared = new Set(steps.flatMap((s) => (s.check ? declaredParams(root, s.check.modulePath) : [])));
  const params = parseParams(options.param ?? [], declared);
  const chosenScenarios = new Set(steps.map((s) => s.scenarioId));
  const outputs = outputFiles(options, root);
  for (const output of outputs) await checkOutputFile(output.option, output.file, output);
  const report = await runSteps({
    root,
    config,
    steps,
    scenarios: runbook.scenarios.filter((s) => chosenScenarios.has(s.id)).map((s) => ({ id: s.id, title: s.title, severity: s.severity ?? null })),
    selection: ids,
    ...(options.env ? { environment: options.env } : {}),
    ...(options.world ? { world: options.world } : {}),
    fix: options.fix ?? false,
    params,
    ...(options.verbose ? { log: (message: string) => io.err(`${message}\n`) } : {}),
  });
  io.out(options.json ? buildJsonReport(report) : buildTerminalReport(report, screen));
  let unwritten = 0;
  for (const output of outputs) {
    await writeOutputFile(output.option, output.file, () => writeReportFile(output.file, output.build(report))).catch((error: OutputFileError) => {
      io.err(`${error.message}\n`);
      unwritten++;
    });
  }
  return unwritten ? exitCodes.unusable : exitCodeOf(report);
}

/** An output file the command writes after the run, checked before it. */
interface OutputFile {
  option: string;
  file: string;
  exampleName: string;
  hint?: string;
  build(report: RunReport): string;
}

/** The files a run writes: the saved result (unless --no-save), the JUnit and Markdown reports when asked for. */
function outputFiles(options: CheckOptions, root: string): OutputFile[] {
  return [
    ...(options.save ? [{ option: 'the saved result', file: path.join(root, latestReportPath), exampleName: 'latest.json', hint: 'or run with --no-save', build: buildJsonReport }] : []),
    ...(options.junit ? [{ option: '--junit', file: options.junit, exampleName: 'report.xml', build: buildJunitXml }] : []),
    ...(options.markdown ? [{ option: '--markdown', file: options.markdown, exampleName: 'report.md', build: buildMarkdownReport }] : []),
  ];
}

/** The parameter names a check declares; none when it cannot be loaded (the run reports that as its error). */
function declaredParams(root: string, modulePath: string): string[] {
  try {
    return Object.keys(loadCheck(root, modulePath).params ?? {});
  } catch {
    return [];
  }
}
