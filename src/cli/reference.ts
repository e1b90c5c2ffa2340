import { checkOptions, exitCodes } from './options';

/** The CLI reference page (docs/cli-reference.md), built from the option table so it never drifts from --help. */
export function buildCliReference(): string {
  const rows = Object.values(checkOptions).map((spec) => `| \`${spec.flags}\` | ${spec.description.replaceAll('|', '\\|')} |`);
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
    '`ids` are scenario ids (`3.3`) or step ids (`3.3.1`, `3.3.s2`); none runs every scenario.',
    '',
    '| Option | Meaning |',
    '| --- | --- |',
    ...rows,
    '',
    '## Exit codes',
    '',
    '| Code | Meaning |',
    '| --- | --- |',
    `| ${exitCodes.ok} | nothing failed (passes, skips and warnings only) |`,
    `| ${exitCodes.failed} | a check found a problem (a step failed) |`,
    `| ${exitCodes.unusable} | a check could not tell (error) and none failed, or the request was bad: unknown scenario, world, environment or parameter, invalid configuration, a runbook with errors |`,
    '',
    '## Related commands',
    '',
    '| Command | What it does |',
    '| --- | --- |',
    '| `npm run lint:runbook` | checks the runbook\'s Markdown and its check links; every problem as `file:line:column` |',
    '| `npm run sandbox -- --world NAME [--port N] [--write-env FILE] [--work-seconds S]` | runs the simulator on its own and prints `NAME=VALUE` settings for any client; `RUNBOOK_SANDBOX_URL` makes `npm run check` use it (it reads the sandbox\'s settings from `/_sandbox/environment`); a re-run an action starts takes `S` seconds |',
    '| `npm run check -- --list-worlds` | lists the sandbox worlds |',
    '| `npm run bench` | prints speed figures as ratios against baselines measured in the same run |',
    '',
  ].join('\n');
}
