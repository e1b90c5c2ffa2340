// @ts-check
'use strict';
/**
 * The CLI's TypeScript cache: each .ts module compiled once to CommonJS with swc and kept under
 * node_modules/.cache, keyed by a hash of its path, its text and the compiler settings. A module
 * whose text changed has another key, so an edit is compiled on its next load and stale code never runs.
 */
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const path = require('node:path');

/** Where compiled modules are kept: beside the other tools' caches, removed with node_modules. */
const cacheDir = path.join(__dirname, '..', 'node_modules', '.cache', 'runbook-ts');

/** The swc settings: what ts-node --swc uses with this tsconfig (CommonJS, ES2022, dynamic import() kept). */
function swcOptions(filename) {
  return {
    filename,
    swcrc: false,
    configFile: false,
    sourceMaps: 'inline',
    module: { type: 'commonjs', strictMode: true, noInterop: false, ignoreDynamic: true },
    jsc: {
      parser: { syntax: 'typescript', tsx: filename.endsWith('.tsx'), dynamicImport: true },
      target: 'es2022',
      keepClassNames: true,
      transform: { useDefineForClassFields: true, react: { runtime: 'automatic' } },
    },
  };
}

let swc;
/** @returns {{ version: string, transformSync: (code: string, options: object) => { code: string } }} */
function compiler() {
  swc ??= require('@swc/core');
  return swc;
}

const settingsKey = JSON.stringify(swcOptions('x.ts')) + require('@swc/core/package.json').version;

/** The cache file of a module's current text. */
function cacheFileOf(filename, source) {
  const hash = createHash('sha1').update(settingsKey).update('\0').update(filename).update('\0').update(source).digest('hex');
  return path.join(cacheDir, hash.slice(0, 2), `${hash.slice(2)}.js`);
}

/** The compiled JavaScript of a TypeScript module: from the cache when its text is unchanged, else compiled now and kept. */
function compiledSource(filename, source) {
  const file = cacheFileOf(filename, source);
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'ENOENT') throw error;
  }
  const { code } = compiler().transformSync(source, swcOptions(filename));
  writeCacheFile(file, code);
  return code;
}

/**
 * Writes a cache file (a temporary file renamed into place, so a reader sees all of it or none); also the V8 code
 * cache's (bin/v8-cache.js). The cache only saves time: when the write fails, say because another process removed
 * the folder meanwhile, it is tried once more and then left, and the module runs from the code compiled now.
 */
function writeCacheFile(file, data) {
  for (let attempt = 0; attempt < 2; attempt++) {
    const temporary = `${file}.${process.pid}.${attempt}.tmp`;
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(temporary, data);
      renameSync(temporary, file);
      return;
    } catch {
      rmSync(temporary, { force: true });
    }
  }
}

module.exports = { cacheDir, compiledSource, writeCacheFile };
