#!/usr/bin/env node
'use strict';
/**
 * `runbook check 3.3` (or `npx runbook check 3.3`): runs what the package's npm script runs (`check`;
 * `lint` for `lint:runbook`; `sandbox`) with the arguments that follow, without npm's banner on standard
 * output. The command is read from package.json, so this file follows the script wherever its entry point
 * moves. Like `npm run`, it runs in the project folder: relative paths in arguments are from there.
 */
const { spawn } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..');
const scripts = require(path.join(root, 'package.json')).scripts;
/** The subcommands and the npm scripts they run. */
const subcommands = { check: 'check', lint: 'lint:runbook', sandbox: 'sandbox' };

const [name, ...args] = process.argv.slice(2);
const script = Object.hasOwn(subcommands, name ?? '') ? scripts[subcommands[name]] : undefined;
if (!script) {
  process.stderr.write(`Unexpected ${name ? `subcommand "${name}"` : 'call without a subcommand'}, expected one of: ${Object.keys(subcommands).join(', ')}\nUsage: runbook check [ids...] [options]   (runbook check --help for the options)\n`);
  process.exit(2);
}

/** Quotes one argument for the POSIX shell that runs the script, as npm does. */
const quote = (arg) => `'${arg.replace(/'/g, `'\\''`)}'`;
const child = spawn([script, ...args.map(quote)].join(' '), {
  cwd: root,
  shell: true,
  stdio: 'inherit',
  env: { ...process.env, INIT_CWD: process.env.INIT_CWD ?? process.cwd(), PATH: `${path.join(root, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH ?? ''}` },
});
child.on('error', (error) => {
  process.stderr.write(`Could not start ${script}: ${error.message}\n`);
  process.exit(2);
});
child.on('exit', (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 2);
});
