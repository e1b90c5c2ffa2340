import type { OptionSpec } from '../cli/options';

/** The commands of `npm run drill`. */
export const drillCommands = {
  list: { usage: 'npm run drill', description: 'lists the drills, easiest first, with the alert each one starts from' },
  start: { usage: 'npm run drill -- NAME [--write-env FILE] [--port N]', description: "starts a drill: its sandbox, the alert, the settings that point your tools at it, and a timer" },
  hint: { usage: 'npm run drill -- hint', description: 'the next hint of the running drill (first the scenario, last the step); each one counts' },
  answer: { usage: 'npm run drill -- answer --step ID [--cause NAME]', description: 'grades your diagnosis, explains the evidence and records the attempt' },
} as const;

/** One of `list`, `start`, `hint`, `answer`. */
export type DrillCommandName = keyof typeof drillCommands;

/** A drill option: its flag, what it means, and the commands it applies to. */
export interface DrillOptionSpec extends OptionSpec {
  for: readonly DrillCommandName[];
}

/** Every option of `npm run drill`: one table drives parsing and --help. */
export const drillOptions = {
  'write-env': { flags: '--write-env <file>', description: "write the sandbox's settings to <file> (default: .runbook/drills/drill.env)", for: ['start'] },
  port: { flags: '--port <n>', description: "the port of the drill's sandbox (default: a free one)", for: ['start'] },
  step: { flags: '--step <id>', description: 'the step where you found the problem, e.g. 3.1.3', for: ['answer'] },
  cause: { flags: '--cause <name>', description: "where the step's scenario lists common causes, the one you found, e.g. corrupt-json", for: ['answer'] },
  help: { flags: '--help', description: 'show this help', for: ['list', 'start', 'hint', 'answer'] },
} satisfies Record<string, DrillOptionSpec>;

/** The parsed options of `npm run drill`. */
export type DrillOptions = Partial<Record<Exclude<keyof typeof drillOptions, 'help'>, string>> & { help?: boolean };

/** The help text, built from the command and option tables. */
export function drillHelp(): string {
  const commands = Object.values(drillCommands).map((c) => `  ${c.usage.padEnd(52)} ${c.description}`);
  const options = Object.values(drillOptions).map((o) => `  ${o.flags.padEnd(20)} ${o.description} (${o.for.join(', ')})`);
  return `Drills: staged incidents to diagnose with the tools you would use on call.\n\n${commands.join('\n')}\n\nOptions:\n${options.join('\n')}\n\nExit codes: 0 listed, started or graded correct · 1 graded wrong · 2 the request was bad (nothing is recorded).\n`;
}
