import path from 'node:path';
import { reporterNames, reporters, type ReporterName } from '../reporters/registry';

/** A `--reporter` list that names an unknown format, or asks for two reports on standard output. */
export class ReporterOptionError extends Error {
  override name = 'ReporterOptionError';
}

/** Where each report goes: at most one on standard output, the others to files. */
export interface OutputPlan {
  stdout: ReporterName | null;
  /** Each report file with the option that asked for it (`--output-dir`, `--junit`, `--markdown`), for messages. */
  files: Array<{ reporter: ReporterName; file: string; option: string }>;
}

/** The output options as parsed: `--reporter`, `--output-dir`, `--json`, `--junit FILE`, `--markdown FILE`. */
export interface OutputOptions {
  reporter?: string;
  outputDir?: string;
  json?: boolean;
  junit?: string;
  markdown?: string;
}

/** Reads a comma-separated `--reporter` list, rejecting unknown names with the valid ones. */
export function parseReporterList(text: string): ReporterName[] {
  const names = text.split(',').map((name) => name.trim()).filter(Boolean);
  if (names.length === 0) throw new ReporterOptionError(`Unexpected --reporter "${text}", expected one or more of: ${reporterNames.join(', ')} (comma-separated)`);
  for (const name of names) {
    if (!(name in reporters)) throw new ReporterOptionError(`Unknown reporter "${name}" in --reporter ${text}, expected one or more of: ${reporterNames.join(', ')} (comma-separated)`);
  }
  return [...new Set(names)] as ReporterName[];
}

/**
 * Plans where reports go. `--reporter` (default terminal) lists them; with `--output-dir` each but the
 * terminal writes its file there, otherwise they print, one at most. `--json` prints the JSON document in
 * the terminal's place; `--junit FILE` and `--markdown FILE` write those files as well.
 */
export function planOutputs(options: OutputOptions): OutputPlan {
  const listed = options.reporter ? parseReporterList(options.reporter) : options.json ? [] : ['terminal' as const];
  if (options.json && listed.includes('terminal')) throw new ReporterOptionError('--json prints the JSON document where the terminal report goes: drop --json, or terminal from --reporter');
  const files: OutputPlan['files'] = [];
  let printed: ReporterName[];
  if (options.outputDir) {
    printed = listed.filter((name) => name === 'terminal');
    for (const name of listed) {
      const file = reporters[name].file;
      if (file) files.push({ reporter: name, file: path.join(options.outputDir, file), option: '--output-dir' });
    }
  } else {
    printed = listed;
  }
  if (options.json) printed = ['json', ...printed.filter((name) => name !== 'json')];
  if (printed.length > 1) throw new ReporterOptionError(`--reporter ${printed.join(',')}: only one report can print to standard output; give --output-dir DIR to write the others as files`);
  if (options.junit) files.push({ reporter: 'junit', file: options.junit, option: '--junit' });
  if (options.markdown) files.push({ reporter: 'markdown', file: options.markdown, option: '--markdown' });
  return { stdout: printed[0] ?? null, files };
}
