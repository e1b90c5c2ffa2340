import { readFileSync } from 'node:fs';
import path from 'node:path';
import { timeCommands, type Timing } from './measure';

/** Start-up of the CLI against a baseline of the same run: the command `npm run check` runs, without npm. */
export interface StartupFigures {
  command: string;
  nodeBaseline: Timing;
  list: Timing & { ratio: number; target: number };
  scenario33: Timing & { ratio: number; target: number };
}

/** The argv of the `check` script of package.json, with `node` as this Node. */
function checkCommand(root: string): string[] {
  const script = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.check!;
  const [program, ...rest] = script.split(/\s+/);
  if (program !== 'node') throw new Error(`the check script runs ${program}, expected node`);
  return [process.execPath, ...rest];
}

/** `node -e 0`, `npm run check -- --list` and `npm run check -- 3.3` (sandbox, healthy), interleaved; medians and ratios. */
export function startupFigures(root: string, runs = 9): StartupFigures {
  const check = checkCommand(root);
  const [node, list, scenario] = timeCommands(
    [{ argv: [process.execPath, '-e', '0'] }, { argv: [...check, '--list'] }, { argv: [...check, '3.3', '--no-save'], env: { RUNBOOK_SANDBOX_URL: '' } }],
    runs,
    root,
  );
  return {
    command: check.slice(1).join(' '),
    nodeBaseline: node!,
    list: { ...list!, ratio: list!.medianMs / node!.medianMs, target: 4 },
    scenario33: { ...scenario!, ratio: scenario!.medianMs / node!.medianMs, target: 6 },
  };
}
