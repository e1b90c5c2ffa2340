import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runbookCacheFileOf } from '../src/parser/cached-runbook';
import { parserFingerprint } from '../src/parser/parser-fingerprint';
import { check, describeRun, runCli, type CliRun } from './support/cli';
import { root } from './support/project';
import { tempProject } from './support/temp-project';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'runbook-cache-'));
const projects: string[] = [];
afterAll(() => {
  for (const project of projects) rmSync(runbookCacheFileOf(project), { force: true });
  rmSync(tmp, { recursive: true, force: true });
});

/** A project root of its own (its cache file is removed with it). */
const project = (name: string, edit?: (runbook: string) => string): string => {
  const dir = tempProject(tmp, name, edit);
  projects.push(dir);
  return dir;
};

const list = async (project: string): Promise<CliRun> => {
  const run = await check('--list', '--root', project);
  expect(run.code, describeRun(run)).toBe(0);
  return run;
};

/** `--list` as it prints with the parser run now: a project of its own, so no cache file exists for it yet. */
async function freshList(name: string, edit?: (runbook: string) => string): Promise<string> {
  const dir = project(name, edit);
  expect(existsSync(runbookCacheFileOf(dir))).toBe(false);
  return (await list(dir)).stdout;
}

const newScenario = '\n### 3.99 A scenario added after the first run\n\nActions:\n\n1. [Verify S3 event notifications are enabled](../checks/s3/s3-event-notifications.ts)\n';

describe.concurrent('the CLI\'s cache of the parsed runbook', { timeout: 180_000 }, () => {
  it('stores the model on the first run, answers from it on the next, and an edited runbook is parsed again', async () => {
    const dir = project('edited');
    const first = await list(dir);
    const cacheFile = runbookCacheFileOf(dir);
    expect(JSON.parse(readFileSync(cacheFile, 'utf8'))).toMatchObject({ key: expect.any(String), value: { runbook: { files: ['docs/runbook.md'] } } });
    expect((await list(dir)).stdout).toBe(first.stdout);

    appendFileSync(path.join(dir, 'docs', 'runbook.md'), newScenario);
    const edited = await list(dir);
    expect(first.stdout).not.toContain('3.99');
    expect(edited.stdout).toContain('3.99');
    expect(edited.stdout).toBe(await freshList('edited-fresh', (text) => text + newScenario));
  });

  it('ignores a corrupt or cut-short cache file and one stored for other inputs, and replaces it', async () => {
    const dir = project('corrupt');
    const expected = (await list(dir)).stdout;
    const cacheFile = runbookCacheFileOf(dir);
    const stored = readFileSync(cacheFile, 'utf8');
    const planted = JSON.parse(stored) as { key: string; value: { runbook: { scenarios: Array<{ title: string }> } } };
    planted.value.runbook.scenarios[0]!.title = 'A title no parse of these inputs gives';
    for (const bad of ['not json {', stored.slice(0, stored.length / 2), JSON.stringify({ key: planted.key, value: { runbook: {} } }), JSON.stringify({ ...planted, key: 'another key' })]) {
      writeFileSync(cacheFile, bad);
      const run = await list(dir);
      expect(run.stdout).toBe(expected);
      expect(run.stderr).toBe('');
      expect(readFileSync(cacheFile, 'utf8')).toBe(stored);
    }
  });

  it('runs started together on a cold cache all print the same list, and leave one whole cache file', async () => {
    const dir = project('concurrent');
    const runs = await Promise.all([list(dir), list(dir), list(dir)]);
    expect(new Set(runs.map((run) => run.stdout)).size).toBe(1);
    const cacheFile = runbookCacheFileOf(dir);
    expect(JSON.parse(readFileSync(cacheFile, 'utf8'))).toMatchObject({ value: { diagnostics: [] } });
    expect(readdirSync(path.dirname(cacheFile)).filter((name) => name.startsWith(path.basename(cacheFile)) && name.endsWith('.tmp'))).toEqual([]);
  });

  it('a warm --list loads neither the Markdown parser nor the acknowledgements\' YAML', async () => {
    const dir = project('warm');
    await list(dir);
    const record = path.join(tmp, 'warm-modules.txt');
    const run = await runCli('src/cli/main.ts', ['--list', '--root', dir], { preload: [path.join(root, 'test', 'support', 'record-modules.cjs')], env: { RUNBOOK_RECORD_MODULES: record } });
    expect(run.code, describeRun(run)).toBe(0);
    const modules = readFileSync(record, 'utf8').split('\n');
    expect(modules.filter((file) => /node_modules\/(remark-|micromark|mdast-util-from-markdown|unified|yaml)\b/.test(file))).toEqual([]);
    expect(modules).not.toContain(path.join(root, 'src', 'parser', 'index.ts'));
  });
});

describe('the parser fingerprint in the cache key', () => {
  /** A copy of the code the parser runs, to edit without touching the project's own. */
  function codeCopy(name: string): string {
    const copy = path.join(tmp, name);
    for (const dir of ['src/parser', 'src/model', 'src/util']) cpSync(path.join(root, dir), path.join(copy, dir), { recursive: true });
    cpSync(path.join(root, 'package-lock.json'), path.join(copy, 'package-lock.json'));
    return copy;
  }

  it('changes with any edit to the parser or the model it builds, and only then', () => {
    const copy = codeCopy('code');
    const original = parserFingerprint(copy);
    expect(parserFingerprint(copy)).toBe(original);
    for (const file of ['src/parser/markdown.ts', 'src/parser/check-link.ts', 'src/model/runbook.ts']) {
      const full = path.join(copy, file);
      const text = readFileSync(full, 'utf8');
      writeFileSync(full, `${text}\n// edited\n`);
      expect(parserFingerprint(copy), file).not.toBe(original);
      writeFileSync(full, text);
      expect(parserFingerprint(copy)).toBe(original);
    }
    writeFileSync(path.join(copy, 'package-lock.json'), '{}');
    expect(parserFingerprint(copy)).not.toBe(original);
  });

  it('names the module that imports one it cannot find', () => {
    const copy = codeCopy('broken');
    appendFileSync(path.join(copy, 'src/parser/index.ts'), "\nexport { gone } from './no-such-module';\n");
    expect(() => parserFingerprint(copy)).toThrow(/src\/parser\/index\.ts imports "\.\/no-such-module": expected src\/parser\/no-such-module\.ts or src\/parser\/no-such-module\/index\.ts/);
  });
});
