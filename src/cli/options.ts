import { reporterNames } from '../reporters/registry';

/** One CLI option: its flag, what it means, and its value's name when it takes one. */
export interface OptionSpec {
  flags: string;
  description: string;
  repeatable?: boolean;
}

/** Every option of `npm run check`: one table drives parsing, --help and the CLI reference page. */
export const checkOptions = {
  list: { flags: '--list', description: 'list scenarios and their steps, with each step\'s check, and exit' },
  listWorlds: { flags: '--list-worlds', description: 'list the sandbox worlds (incidents to drill on) and exit' },
  iamPolicy: {
    flags: '--iam-policy',
    description: "print the IAM policy (JSON) the selected steps' read-only checks need and the remediation policy of their actions, with the Snowflake, GitHub and Airflow grants, for --env; with --json, one document",
  },
  env: { flags: '--env <name>', description: 'the environment from runbook.config.ts (default: its defaultEnvironment, the sandbox); with history and transcript: only its runs (default: every environment)' },
  world: { flags: '--world <name>', description: 'the sandbox world to load (sandbox environments only)' },
  sandboxCallerPolicy: {
    flags: '--sandbox-caller-policy <file>',
    description: "an IAM policy (JSON) for the sandbox the run starts to enforce for the caller, instead of the world's callerPolicy: an AWS call it does not allow gets AccessDenied, and its check reports error naming the action (sandbox environments only)",
  },
  fix: { flags: '--fix', description: 'let actions change things (re-run, refresh, clear); without it they only say what they would do' },
  yes: { flags: '--yes', description: "with --fix: apply the actions without asking (each one's preview still prints); needed when there is no terminal to ask on" },
  param: { flags: '--param <name=value>', description: 'a parameter for the checks that declare it (repeatable), e.g. --param executionArn=arn:…', repeatable: true },
  json: { flags: '--json', description: 'print the versioned result document as JSON instead of the terminal report (with triage: the ranking; with history: the runs and step statuses)' },
  reporter: {
    flags: '--reporter <names>',
    description: `the reports to produce, comma-separated: ${reporterNames.join(', ')} (default: terminal); with --output-dir each but terminal is written there, otherwise the one named prints`,
  },
  outputDir: { flags: '--output-dir <dir>', description: 'write the --reporter reports as files in this folder: results.json, junit.xml, report.md' },
  junit: { flags: '--junit <file>', description: 'also write a JUnit XML report to <file>' },
  markdown: { flags: '--markdown <file>', description: 'also write a Markdown report to <file> (for an incident ticket); with transcript: write the transcript there' },
  save: { flags: '--no-save', description: 'do not keep the run in the results store, .runbook/results/runs/ (the site and history read it)' },
  color: { flags: '--no-color', description: 'plain output without colour' },
  verbose: { flags: '--verbose', description: 'print each service call as it happens (step, service, operation, duration, outcome) and what each check logs' },
  since: { flags: '--since <age>', description: 'with history and transcript: only the runs (and actions) of the last 30m, 2h, 24h, 7d… (history default: its latest 20 runs; transcript default: 24h)' },
  thenRun: { flags: '--then-run', description: "with triage: also run the top-ranked scenario's checks, in the same invocation" },
  deadline: { flags: '--deadline <seconds>', description: "the whole run's deadline: checks not finished by then are errors, and the report is still written (default: runDeadlineSeconds in runbook.config.ts, else none)" },
  root: { flags: '--root <dir>', description: 'run the runbook of another project folder: its docs/, checks/ and runbook.config.ts (default: this project)' },
} satisfies Record<string, OptionSpec>;

/** The parsed options of `npm run check`. */
export interface CheckOptions {
  list?: boolean;
  listWorlds?: boolean;
  iamPolicy?: boolean;
  env?: string;
  world?: string;
  sandboxCallerPolicy?: string;
  fix?: boolean;
  yes?: boolean;
  param?: string[];
  json?: boolean;
  reporter?: string;
  outputDir?: string;
  junit?: string;
  markdown?: string;
  save: boolean;
  color: boolean;
  verbose?: boolean;
  since?: string;
  thenRun?: boolean;
  deadline?: string;
  root?: string;
}

/** The exit codes of `npm run check`. */
export const exitCodes = {
  /** Nothing failed (acknowledged failures do not count). */
  ok: 0,
  /** A check found a problem. */
  failed: 1,
  /** A check could not run (error), or the request was bad (unknown scenario, bad option, bad config). */
  unusable: 2,
} as const;
