// @ts-check
'use strict';
/**
 * `node bin/compile-typescript.js FILE < SOURCE`: prints the CommonJS that the compile cache (bin/ts-cache.js) makes
 * of a TypeScript module's text, for a worker thread that must not load swc itself.
 */
const { readFileSync } = require('node:fs');
const { compile } = require('./ts-cache');

const filename = process.argv[2];
if (!filename) {
  process.stderr.write('usage: node bin/compile-typescript.js FILE < SOURCE\n');
  process.exit(2);
}
process.stdout.write(compile(filename, readFileSync(0, 'utf8')));
