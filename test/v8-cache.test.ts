import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from './support/project';

const { codeCacheFileOf } = require('../bin/v8-cache.js') as { codeCacheFileOf(filename: string, content: string, execArgv?: string[]): string };

const tmp = mkdtempSync(path.join(os.tmpdir(), 'runbook-v8-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs a module under the CLI's loader (`node -r ./bin/register.js`), as the check script does. */
function underCliLoader(entry: string) {
  const run = spawnSync(process.execPath, ['-r', path.join(root, 'bin', 'register.js'), entry], { cwd: tmp, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('the CLI\'s V8 code cache (bin/v8-cache.js)', () => {
  it('runs CommonJS modules as Node does, from bytecode on the next run, and an edit or corrupt bytecode runs the current text', () => {
    const helper = path.join(tmp, 'helper.js');
    const entry = path.join(tmp, 'entry.js');
    writeFileSync(path.join(tmp, 'esm.mjs'), 'export const kind = "esm";\n');
    // The helper is compiled by the cache; the entry, which uses import(), by Node itself.
    const facts = (version: string) =>
      [
        '#!/usr/bin/env node',
        "const path = require('node:path');",
        `module.exports = { version: '${version}', sloppy: (function () { return this !== undefined; })(), resolved: path.basename(require.resolve('./esm.mjs')),`,
        "  main: path.basename(require.main.filename), cached: require.cache[__filename] === module, dir: __dirname === path.dirname(__filename), paths: Array.isArray(require.resolve.paths('x')) };",
      ].join('\n');
    writeFileSync(helper, facts('first'));
    writeFileSync(entry, "import('./esm.mjs').then((esm) => console.log(JSON.stringify({ ...require('./helper'), esm: esm.kind })));\n");
    const expected = { version: 'first', sloppy: true, resolved: 'esm.mjs', main: 'entry.js', cached: true, dir: true, paths: true, esm: 'esm' };
    const cold = underCliLoader(entry);
    expect(cold.stderr).toBe('');
    expect(JSON.parse(cold.stdout)).toEqual(expected);
    const helperCache = codeCacheFileOf(helper, readFileSync(helper, 'utf8'), ['-r', path.join(root, 'bin', 'register.js')]);
    expect(existsSync(helperCache)).toBe(true);
    expect(JSON.parse(underCliLoader(entry).stdout)).toEqual(expected);

    writeFileSync(helperCache, 'not bytecode');
    expect(JSON.parse(underCliLoader(entry).stdout)).toEqual(expected);
    expect(readFileSync(helperCache, 'utf8')).not.toBe('not bytecode');

    writeFileSync(helper, facts('second'));
    expect(JSON.parse(underCliLoader(entry).stdout)).toEqual({ ...expected, version: 'second' });
  });

  it('compiles TypeScript missing from the cache in worker threads, one after another, without crashing the process', () => {
    // swc's native addon crashes the process when a second worker thread loads it after the first has ended: the
    // threads compile in a child process instead. Each module is new to the cache (its text names this run).
    const stamp = `${process.pid}-${Date.now()}`;
    const modules = [0, 1, 2].map((index) => {
      const file = path.join(tmp, `worker-module-${index}.ts`);
      writeFileSync(file, `const answer: number = ${index} + 40; export default { answer, stamp: '${stamp}' };\n`);
      return file;
    });
    const entry = path.join(tmp, 'workers.js');
    writeFileSync(
      entry,
      [
        "const { Worker } = require('node:worker_threads');",
        `const register = ${JSON.stringify(path.join(root, 'bin', 'register.js'))};`,
        `const modules = ${JSON.stringify(modules)};`,
        '(async () => {',
        '  const answers = [];',
        '  for (const file of modules) {',
        '    const code = `require(${JSON.stringify(register)}); require("node:worker_threads").parentPort.postMessage(require(${JSON.stringify(file)}).default.answer);`;',
        '    answers.push(await new Promise((resolve, reject) => { const worker = new Worker(code, { eval: true }); worker.once("message", resolve); worker.once("error", reject); }));',
        '  }',
        '  console.log(JSON.stringify(answers));',
        '})();',
      ].join('\n'),
    );
    const run = spawnSync(process.execPath, [entry], { cwd: tmp, encoding: 'utf8' });
    expect(run.signal, run.stderr).toBeNull();
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([40, 41, 42]);
  });

  it('leaves a syntax error to Node, with Node\'s own message', () => {
    const broken = path.join(tmp, 'broken.js');
    writeFileSync(broken, 'module.exports = {;\n');
    const run = underCliLoader(broken);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/broken\.js:1[\s\S]*SyntaxError: Unexpected token ';'/);
  });
});
