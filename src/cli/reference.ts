import { checkOptions, exitCodes } from './options';

/** Escapes text for a Markdown table cell: `|` would end the cell, `<file>` would be read as an HTML tag. */
function markdownText(text: string): string {
  return text.replace(/[|<>]/g, (char) => `\\${char}`);
}

/** The CLI reference page (docs/cli-reference.md), built from the option table so it never drifts from --help. */
export function buildCliReference(): string {
  const rows = Object.values(checkOptions).map((spec) => `| \`${spec.flags}\` | ${markdownText(spec.description)} |`);
  return [
    '---',
    'title: CLI reference',
    'sidebar_position: 3',
    '---',
    '',
    '<!-- Generated from src/cli/options.ts by `npm run docs:cli`; edit the option table, not this page. -->',
    '',
    '# `npm run check`',
    '',
    '```',
    'npm run check -- [ids...] [options]',
    '```',
    '',
    '`ids` are scenario ids (`3.3`) or step ids (`3.3.1`, `3.3.s2`); none runs every scenario; `triage` ranks the scenarios whose symptoms are present; `history` and `transcript` read the saved runs, `verify-audit` the audit log (below).',
    '',
    'When standard output is data (`--json`, one `--reporter` without `--output-dir`), run `npm run -s check -- …` or `npx runbook check …`: plain `npm run` prints its banner there first.',
    '',
    '| Option | Meaning |',
    '| --- | --- |',
    ...rows,
    '',
    '## Exit codes',
    '',
    '| Code | Meaning |',
    '| --- | --- |',
    `| ${exitCodes.ok} | nothing failed (passes, skips, warnings and acknowledged failures only); for triage: no active incident |`,
    `| ${exitCodes.failed} | a check found a problem (a step failed); for triage: an incident is active |`,
    `| ${exitCodes.unusable} | a check could not tell (error) and none failed, or the request was bad: unknown scenario, world, environment or parameter, invalid configuration, a runbook with errors |`,
    '',
    '## Related commands',
    '',
    '| Command | What it does |',
    '| --- | --- |',
    '| `npm run lint:runbook` | checks the runbook\'s Markdown and its check links; every problem as `file:line:column` |',
    '| `npm run sandbox -- --world NAME [--port N] [--write-env FILE] [--work-seconds S]` | runs the simulator on its own and prints `NAME=VALUE` settings for any client; `RUNBOOK_SANDBOX_URL` makes `npm run check` use it (it reads the sandbox\'s settings from `/_sandbox/environment`); a re-run an action starts takes `S` seconds |',
    '| `npm run check -- --list-worlds` | lists the sandbox worlds (hidden while a drill is open) |',
    '| `npm run drill [-- NAME \\| hint \\| answer --step ID [--cause NAME]]` | incident drills on the sandbox: lists them, starts one, gives hints, grades the answer ([onboarding](./onboarding/drills.md)) |',
    '| `npm run -s sql -- "STATEMENT" [--json]` | runs SQL through Snowflake\'s Node driver, configured by the `SNOWFLAKE_*` variables of a sandbox env file |',
    "| `npm run check -- triage [--then-run] [--json]` | runs every scenario's symptom checks, ranks the scenarios whose symptoms are present with the evidence, names the command for the top one (and runs it with `--then-run`) |",
    "| `npm run check -- history [scenario\\|step] [--since 24h] [--env NAME] [--json]` | the saved runs, newest first (time, environment, world, who, commit, command line, totals), and per step its latest status and when it last changed |",
    '| `npm run check -- transcript [--since 2h] [--env NAME] [--markdown FILE]` | the incident\'s record for a ticket or postmortem: each run (command line, environment, who ran it, what failed with its evidence) and each action from the audit log, in time order, redacted; printed without `--markdown` |',
    "| `npm run check -- verify-audit [--json]` | checks the audit log's hash chain: each record carries the sha256 of the line before it; names each line where the chain breaks (an edit, a removal, a reordering) and exits 1, 0 when it is whole |",
    '| `npx runbook check …` · `npx runbook lint` · `npx runbook sandbox …` | the package\'s bin: the same commands as `npm run check`, `npm run lint:runbook` and `npm run sandbox`, without the banner |',
    '| `npm run bench` | prints speed figures as ratios against baselines measured in the same run |',
    '',
  ].join('\n');
}
