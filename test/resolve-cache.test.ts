import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from './support/project';

// The cache keeps requires made from the project's files: the fixture lives inside the project, its cache elsewhere.
const fixture = mkdtempSync(path.join(root, 'node_modules', '.cache', 'resolve-cache-test-'));
const cacheFolder = mkdtempSync(path.join(os.tmpdir(), 'runbook-resolve-'));
afterAll(() => {
  rmSync(fixture, { recursive: true, force: true });
  rmSync(cacheFolder, { recursive: true, force: true });
});

const write = (relative: string, text: string) => {
  const file = path.join(fixture, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
};

// Counts the requests that reach Node's own resolution, by wrapping it before the CLI's loader wraps it in turn.
const counter = path.join(cacheFolder, 'count-node-resolutions.js');
writeFileSync(
  counter,
  [
    "const Module = require('node:module');",
    'const resolve = Module._resolveFilename;',
    'globalThis.nodeResolved = [];',
    // Only the fixture's own requires (not the loader's), and not the entry itself.
    "Module._resolveFilename = function (request, parent) { if (parent?.filename?.startsWith(process.env.FIXTURE) && !Module.isBuiltin(request)) globalThis.nodeResolved.push(request); return resolve.apply(this, arguments); };",
  ].join('\n'),
);

/** Runs the fixture's entry under the CLI's loader: what each require gave, and which requests Node resolved. */
function run(): { loaded: string[]; nodeResolved: string[] } {
  const result = spawnSync(process.execPath, ['-r', counter, '-r', path.join(root, 'bin', 'register.js'), path.join(fixture, 'entry.js')], {
    encoding: 'utf8',
    env: { ...process.env, RUNBOOK_RESOLVE_CACHE: cacheFolder, FIXTURE: fixture },
  });
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as { loaded: string[]; nodeResolved: string[] };
}

describe("the CLI's module resolution cache (bin/resolve-cache.js)", () => {
  it('answers from the cache while the deciding folders are unchanged, and resolves again when a file is added or removed', () => {
    write('entry.js', "console.log(JSON.stringify({ loaded: [require('./lib/thing'), require('pkg'), require('./data')], nodeResolved: globalThis.nodeResolved }));\n");
    write('lib/thing/index.js', "module.exports = 'thing/index.js';\n");
    write('node_modules/pkg/package.json', JSON.stringify({ name: 'pkg', main: 'main.js' }));
    write('node_modules/pkg/main.js', "module.exports = 'pkg/main.js';\n");
    write('data.json', '"data.json"\n');

    expect(run()).toEqual({ loaded: ['thing/index.js', 'pkg/main.js', 'data.json'], nodeResolved: ['./lib/thing', 'pkg', './data'] });
    // The second run: every require answered from the cache.
    expect(run()).toEqual({ loaded: ['thing/index.js', 'pkg/main.js', 'data.json'], nodeResolved: [] });

    // A file that now wins the resolution: lib/thing.js comes before lib/thing/index.js.
    write('lib/thing.js', "module.exports = 'thing.js';\n");
    expect(run()).toEqual({ loaded: ['thing.js', 'pkg/main.js', 'data.json'], nodeResolved: ['./lib/thing'] });
    expect(run().nodeResolved).toEqual([]);

    // The file it went to is gone: the next candidate, as Node finds it.
    rmSync(path.join(fixture, 'lib', 'thing.js'));
    write('data.js', "module.exports = 'data.js';\n");
    expect(run()).toEqual({ loaded: ['thing/index.js', 'pkg/main.js', 'data.js'], nodeResolved: ['./lib/thing', './data'] });
  });

  it('resolves afresh over a corrupt or foreign cache file, and writes it again', () => {
    write('entry.js', "console.log(JSON.stringify({ loaded: [require('./lib/thing')], nodeResolved: globalThis.nodeResolved }));\n");
    run();
    const file = path.join(cacheFolder, 'main.json');
    writeFileSync(file, '{"key": "cut sho');
    expect(run()).toEqual({ loaded: ['thing/index.js'], nodeResolved: ['./lib/thing'] });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ entries: expect.any(Object) });
    expect(run().nodeResolved).toEqual([]);
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { key: string; entries: Record<string, unknown> };
    writeFileSync(file, JSON.stringify({ ...stored, key: 'made by another Node' }));
    expect(run().nodeResolved).toEqual(['./lib/thing']);
  });
});
