// @ts-check
'use strict';
/**
 * `npm run build:cli` (and `prepare`, which `npm ci` runs, and `npx runbook` the first time on a machine): compiles
 * every TypeScript module the CLI can load (src/, checks/, runbook.config.ts) into the compile cache, so the first
 * `npm run check` after an install starts from compiled JavaScript. Nothing here can go stale: the cache is keyed by
 * each module's text, and a module edited later is compiled again on its next load. The cache is not emptied first:
 * CLI processes may be reading it meanwhile (npx runs this while tests run the CLI); entries of old texts are only
 * disk, and go with node_modules.
 */
const { readdirSync, readFileSync } = require('node:fs');
const path = require('node:path');
const { cacheDir, compiledSource } = require('./ts-cache');

const root = path.resolve(__dirname, '..');

/** The .ts and .tsx files under a folder, tests and declarations left out. */
function typescriptFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.(test|d)\.tsx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

const started = Date.now();
const files = [...typescriptFiles(path.join(root, 'src')), ...typescriptFiles(path.join(root, 'checks')), path.join(root, 'runbook.config.ts')];
for (const file of files) compiledSource(file, readFileSync(file, 'utf8'));
process.stdout.write(`compiled ${files.length} TypeScript modules for the CLI in ${Date.now() - started} ms (${path.relative(root, cacheDir)})\n`);
