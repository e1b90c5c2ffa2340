// @ts-check
'use strict';
/**
 * `npm test`: the type check, then the test suite (arguments go to vitest), then how long each took.
 * Exits with the first failing step's code.
 */
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const bin = (name) => path.join(__dirname, '..', 'node_modules', '.bin', name);
const steps = [
  { name: 'type check', argv: [bin('tsc'), '--noEmit'] },
  { name: 'tests', argv: [bin('vitest'), 'run', ...process.argv.slice(2)] },
];
const started = Date.now();
const took = [];
for (const step of steps) {
  const stepStarted = Date.now();
  const result = spawnSync(step.argv[0], step.argv.slice(1), { stdio: 'inherit' });
  took.push(`${step.name} ${((Date.now() - stepStarted) / 1000).toFixed(1)} s`);
  if (result.status !== 0) {
    process.stdout.write(`\nnpm test failed in ${step.name} after ${((Date.now() - started) / 1000).toFixed(1)} s (${took.join(', ')})\n`);
    process.exit(result.status ?? 1);
  }
}
process.stdout.write(`\nnpm test took ${((Date.now() - started) / 1000).toFixed(1)} s (${took.join(', ')})\n`);
