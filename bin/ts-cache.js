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
const { isMainThread, threadId } = require('node:worker_threads');

/** Where compiled modules are kept: beside the other tools' caches, removed with node_modules. */
const cacheDir = path.join(__dirname, '..', 'node_modules', '.cache', 'runbook-ts');

/**
 * The swc settings: what ts-node --swc uses with this tsconfig (CommonJS, ES2022, dynamic import() kept), without
 * source maps: Node applies none to code compiled through the V8 cache's vm.Script (bin/v8-cache.js), even with
 * --enable-source-maps, and an inline map was two thirds of each compiled module, read, hashed and kept on every start.
 */
function swcOptions(filename) {
  return {
    filename,
    swcrc: false,
    configFile: false,
    sourceMaps: false,
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

/** A cache file under `dir` for a hash: two hex digits a folder. Joined by hand: path.join normalizes, and this runs for every module of every start. */
function cacheFileIn(dir, hash, extension) {
  return `${dir}${path.sep}${hash.slice(0, 2)}${path.sep}${hash.slice(2)}${extension}`;
}

/** The cache file of a module's current text. */
function cacheFileOf(filename, source) {
  const hash = createHash('sha1').update(settingsKey).update('\0').update(filename).update('\0').update(source).digest('hex');
  return cacheFileIn(cacheDir, hash, '.js');
}

/** The compiled JavaScript of a TypeScript module: from the cache when its text is unchanged, else compiled now and kept. */
function compiledSource(filename, source) {
  const file = cacheFileOf(filename, source);
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'ENOENT') throw error;
  }
  const code = isMainThread ? compile(filename, source) : compileInChildProcess(filename, source);
  writeCacheFile(file, code);
  return code;
}

/** A TypeScript module compiled to CommonJS with swc, in this thread. */
function compile(filename, source) {
  return compiler().transformSync(source, swcOptions(filename)).code;
}

let compiledAll = false;

/**
 * A module compiled in a child process, for a worker thread (the sandbox's): swc's native addon crashes the whole
 * process when a second worker thread loads it after the first has ended, unless the main thread loaded it first.
 * Only a module missing from the cache gets here (`npm ci` compiles them all): the thread's first miss compiles every
 * module of the project (bin/build.js, under a second), so that edits cost one process, not one a module.
 */
function compileInChildProcess(filename, source) {
  // Loaded here: only a module missing from the cache needs it, and every thread's start would pay for it.
  const { execFileSync } = require('node:child_process');
  if (!compiledAll) {
    compiledAll = true;
    execFileSync(process.execPath, [path.join(__dirname, 'build.js')], { stdio: 'ignore' });
    try {
      return readFileSync(cacheFileOf(filename, source), 'utf8');
    } catch {
      // not a module build.js compiles (outside src/ and checks/), or edited meanwhile: compiled on its own below
    }
  }
  return execFileSync(process.execPath, [path.join(__dirname, 'compile-typescript.js'), filename], { input: source, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['pipe', 'pipe', 'inherit'] });
}

/**
 * Writes a cache file (a temporary file renamed into place, so a reader sees all of it or none); also the V8 code
 * cache's (bin/v8-cache.js). The cache only saves time: when the write fails, say because another process removed
 * the folder meanwhile, it is tried once more and then left, and the module runs from the code compiled now.
 */
function writeCacheFile(file, data) {
  for (let attempt = 0; attempt < 2; attempt++) {
    // The thread's id too: the CLI's thread and the sandbox's may write the same entry at once.
    const temporary = `${file}.${process.pid}.${threadId}.${attempt}.tmp`;
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

module.exports = { cacheDir, cacheFileIn, compile, compiledSource, writeCacheFile };
