// @ts-check
'use strict';
/**
 * The CLI's module resolution cache: where each `require` of the project's code and packages led in an earlier run,
 * so start-up does not search the disk again for every one (Node looks for each candidate file and reads the
 * packages' package.json on every start: about a tenth of a second for the CLI's 800 resolutions). An entry is used
 * only while every folder whose listing decided it is unchanged (its time: adding, removing or renaming a file in it
 * changes it) and the installed packages are the ones it was made with (npm's record of node_modules). Anything else,
 * or any request this cache does not keep, goes to Node's own resolution.
 */
const { readFileSync, statSync } = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const { isMainThread } = require('node:worker_threads');
const { writeCacheFile } = require('./ts-cache');

const projectRoot = path.resolve(__dirname, '..');

/**
 * Where the resolutions are kept: one file per kind of thread (the CLI's, the sandbox's), so the two never race on one.
 * RUNBOOK_RESOLVE_CACHE names another folder (the tests' own).
 */
const resolveCacheFile = path.join(process.env.RUNBOOK_RESOLVE_CACHE ?? path.join(projectRoot, 'node_modules', '.cache', 'runbook-resolve'), `${isMainThread ? 'main' : 'thread'}.json`);

/** Flags that change what a request resolves to: with any of them, the whole command line is part of the key. */
const resolutionFlag = /^(-C|--conditions|--preserve-symlinks|--experimental|--input-type|--import|--loader)/;

/** What every entry was made under: Node, the flags and settings that steer resolution, the extensions, the installed packages. */
function settingsKey() {
  let installed = 'none';
  try {
    const { size, mtimeMs } = statSync(path.join(projectRoot, 'node_modules', '.package-lock.json'));
    installed = `${size}:${mtimeMs}`;
  } catch {
    // no npm record: entries still need their folders unchanged
  }
  const flags = process.execArgv.some((flag) => resolutionFlag.test(flag)) ? process.execArgv : [];
  return JSON.stringify([process.version, flags, process.env.NODE_OPTIONS ?? '', process.env.NODE_PATH ?? '', Object.keys(/** @type {any} */ (Module)._extensions), installed]);
}

/**
 * The folders whose listing decides a resolution: the resolved file's own, and for a path request (`./x`, `../y`)
 * the folder a new `x.js` or `x/` would appear in. A bare request's package folders are npm's: the settings key holds
 * them (a package swapped by hand, not by npm, goes unnoticed).
 */
function decidingFolders(parentDir, request, filename) {
  const own = path.dirname(filename);
  if (!(request.startsWith('.') || path.isAbsolute(request))) return [own];
  const named = path.dirname(path.resolve(parentDir, request));
  return named === own ? [own] : [own, named];
}

/** A folder's time now, memoised for the process: one stat a folder however many entries it decides. */
const folderTimes = new Map();
function folderTime(folder) {
  let time = folderTimes.get(folder);
  if (time === undefined) folderTimes.set(folder, (time = statSync(folder, { throwIfNoEntry: false })?.mtimeMs ?? -1));
  return time;
}

/**
 * A stored resolution: the file, then each deciding folder and its time (`[file, folder, time, …]`). It holds while
 * every folder has that time still.
 * @typedef {(string | number)[]} Entry
 */

/** @param {unknown} entry @returns {entry is Entry} */
function holds(entry) {
  if (!Array.isArray(entry) || typeof entry[0] !== 'string' || entry.length < 3) return false;
  for (let index = 1; index < entry.length; index += 2) if (folderTime(entry[index]) !== entry[index + 1]) return false;
  return true;
}

/** The stored entries by `${parent folder}\0${request}`, as made under `key`. */
function readStored(key) {
  try {
    const stored = JSON.parse(readFileSync(resolveCacheFile, 'utf8'));
    if (stored?.key === key && stored.entries && typeof stored.entries === 'object') return new Map(Object.entries(stored.entries));
  } catch {
    // missing, cut short or not ours: resolved afresh and written again
  }
  return new Map();
}

/** Installs the cache for every `require` from a module of the project (its code or its node_modules) from now on. */
function installResolveCache() {
  const key = settingsKey();
  const entries = readStored(key);
  /** @type {Map<string, Entry>} */
  const made = new Map();
  const nodeResolve = /** @type {any} */ (Module)._resolveFilename;
  /** @type {any} */ (Module)._resolveFilename = function resolveWithCache(request, parent, isMain, options) {
    const parentDir = parent?.path;
    // Kept: plain requires from the project's own files. Not: the main module, require.resolve with options, built-ins.
    if (isMain || options || typeof parentDir !== 'string' || !parentDir.startsWith(projectRoot) || typeof request !== 'string' || Module.isBuiltin(request)) {
      return nodeResolve.apply(this, arguments);
    }
    const lookup = `${parentDir}\0${request}`;
    const entry = entries.get(lookup);
    if (holds(entry)) return entry[0];
    const filename = nodeResolve.apply(this, arguments);
    remember(lookup, [filename, ...decidingFolders(parentDir, request, filename).flatMap((folder) => [folder, folderTime(folder)])]);
    return filename;
  };
  let timer;
  const save = () => {
    clearTimeout(timer);
    if (made.size === 0) return;
    // Merged with what other processes stored meanwhile (another command's resolutions): this run's are the newest.
    const merged = readStored(key);
    for (const [lookup, entry] of made) merged.set(lookup, entry);
    made.clear();
    writeCacheFile(resolveCacheFile, JSON.stringify({ key, entries: Object.fromEntries(merged) }));
  };
  /** @param {string} lookup @param {Entry} entry */
  function remember(lookup, entry) {
    entries.set(lookup, entry);
    made.set(lookup, entry);
    // Saved once the loading pauses, and at exit: the sandbox's thread is ended with the process, without its exit event.
    clearTimeout(timer);
    timer = setTimeout(save, 50).unref();
  }
  process.once('exit', save);
}

module.exports = { installResolveCache, resolveCacheFile };
