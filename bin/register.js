// @ts-check
'use strict';
/**
 * Loads .ts and .tsx modules through the compile cache (`node -r ./bin/register.js src/cli/main.ts`):
 * the CLI starts from compiled JavaScript, without loading the TypeScript compiler.
 */
const { readFileSync } = require('node:fs');
const { compiledSource } = require('./ts-cache');

for (const extension of ['.ts', '.tsx']) {
  require.extensions[extension] = (module, filename) => {
    const compiled = compiledSource(filename, readFileSync(filename, 'utf8'));
    /** @type {{ _compile(code: string, filename: string): void }} */ (/** @type {unknown} */ (module))._compile(compiled, filename);
  };
}
