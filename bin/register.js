// @ts-check
'use strict';
/**
 * Loads .ts and .tsx modules through the compile cache (`node -r ./bin/register.js src/cli/main.ts`):
 * the CLI starts from compiled JavaScript, without loading the TypeScript compiler, and from V8 bytecode (bin/v8-cache.js).
 */
const { readFileSync } = require('node:fs');
const { compiledSource } = require('./ts-cache');

for (const extension of ['.ts', '.tsx']) {
  require.extensions[extension] = (module, filename) => {
    const compiled = compiledSource(filename, readFileSync(filename, 'utf8'));
    /** @type {{ _compile(code: string, filename: string): void }} */ (/** @type {unknown} */ (module))._compile(compiled, filename);
  };
}

// Every CommonJS module, compiled TypeScript and packages alike, starts from the bytecode of an earlier run.
require('./v8-cache').installCodeCache();

// And every require of the project's code and packages goes where it went in an earlier run, unless that changed.
require('./resolve-cache').installResolveCache();
