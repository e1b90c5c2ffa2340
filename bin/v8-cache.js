// @ts-check
'use strict';
/**
 * The CLI's V8 code cache (Node 20 has no `module.enableCompileCache`): every CommonJS module the CLI loads, its own
 * compiled TypeScript and the packages' JavaScript alike, is compiled with the bytecode V8 produced for the same text
 * in an earlier run, so start-up skips most parsing and compiling. Keyed by a hash of the module's path and text and
 * of the Node and V8 versions: an edited module or another Node gets another key, and V8 itself refuses bytecode made
 * under other flags (then it is made again). ES modules, modules with import(), and any text this loader cannot
 * compile go to Node's own.
 */
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const vm = require('node:vm');
const { cacheFileIn, writeCacheFile } = require('./ts-cache');

/** Where the bytecode is kept: beside the compile cache, removed with node_modules. */
const codeCacheDir = path.join(__dirname, '..', 'node_modules', '.cache', 'runbook-v8');

/**
 * The cache file of a module's text in a process with these flags. The key names Node, V8 and the flags (V8 refuses
 * bytecode made under other flags: each set keeps its own).
 */
function codeCacheFileOf(filename, content, execArgv = process.execArgv) {
  const versionKey = `${process.version}\0${process.versions.v8}\0${process.arch}\0${execArgv.join(' ')}\0`;
  const hash = createHash('sha1').update(versionKey).update(filename).update('\0').update(content).digest('hex');
  return cacheFileIn(codeCacheDir, hash, '.bin');
}

/** The `require` a module gets, as Node makes it: resolve, resolve.paths, main, extensions and cache. */
function requireFor(module) {
  /** @type {NodeJS.Require} */
  const require = /** @type {any} */ ((id) => module.require(id));
  require.resolve = /** @type {any} */ ((request, options) => /** @type {any} */ (Module)._resolveFilename(request, module, false, options));
  require.resolve.paths = (request) => /** @type {any} */ (Module)._resolveLookupPaths(request, module);
  require.main = process.mainModule;
  require.extensions = /** @type {any} */ (Module)._extensions;
  require.cache = /** @type {any} */ (Module)._cache;
  return require;
}

/** Scripts compiled without usable bytecode: their bytecode is written when the process exits, when most functions have run. */
const unsaved = [];

/** Installs the cache for every CommonJS module loaded from now on. */
function installCodeCache() {
  const proto = /** @type {any} */ (Module.prototype);
  const nodeCompile = proto._compile;
  proto._compile = function compileWithCodeCache(content, filename, format) {
    // A module with import() stays with Node's loader: a vm.Script's import() needs an experimental option that warns.
    if (format === 'module' || typeof content !== 'string' || /\bimport\s*\(/.test(content)) return nodeCompile.apply(this, arguments);
    const file = codeCacheFileOf(filename, content);
    let cachedData;
    try {
      cachedData = readFileSync(file);
    } catch {
      cachedData = undefined;
    }
    let script;
    try {
      // A leading #! line is a comment once the module is wrapped, as Node reads it.
      const source = content.startsWith('#!') ? `//${content}` : content;
      script = new vm.Script(Module.wrap(source), { filename, cachedData });
    } catch {
      // Not a CommonJS text this loader compiles (ES module syntax Node would detect, say): Node's own loader decides.
      return nodeCompile.apply(this, arguments);
    }
    if (!cachedData || script.cachedDataRejected) unsaved.push({ file, script });
    const wrapper = script.runInThisContext({ displayErrors: true });
    return wrapper.call(this.exports, this.exports, requireFor(this), this, filename, path.dirname(filename));
  };
  process.once('exit', () => {
    for (const { file, script } of unsaved.splice(0)) writeCacheFile(file, script.createCachedData());
  });
}

module.exports = { codeCacheDir, codeCacheFileOf, installCodeCache };
