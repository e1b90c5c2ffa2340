import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configCacheFileOf } from '../src/config/cached-config';
import { check, describeRun, runCli } from './support/cli';
import { root } from './support/project';
import { tempProject } from './support/temp-project';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'config-cache-'));
const configFiles: string[] = [];
afterAll(() => {
  for (const file of configFiles) rmSync(configCacheFileOf(file), { force: true });
  rmSync(tmp, { recursive: true, force: true });
});

/** A configuration with one sandbox environment; `extra` is spliced into its top level. */
const configText = (extra = '') =>
  `import { defineConfig } from ${JSON.stringify(path.join(root, 'src', 'config', 'define-config'))};\n` +
  `export default defineConfig({ defaultEnvironment: 'sandbox', ${extra} environments: { sandbox: { sandbox: { world: 'healthy' }, aws: { region: 'eu-west-1' } } } });\n`;

/** A project of its own whose configuration is `text`. */
function project(name: string, text: string): { dir: string; config: string } {
  const dir = tempProject(tmp, name);
  const config = path.join(dir, 'runbook.config.ts');
  rmSync(config);
  writeFileSync(config, text);
  configFiles.push(config);
  return { dir, config };
}

describe.concurrent("the CLI's cache of the validated configuration", { timeout: 180_000 }, () => {
  it('stores the configuration on the first run, answers from it on the next, and validates an edited one again', async () => {
    const { dir, config } = project('edited', configText('checkTimeoutSeconds: 30,'));
    const first = await check('--list', '--root', dir);
    expect(first.code, describeRun(first)).toBe(0);
    const stored = JSON.parse(readFileSync(configCacheFileOf(config), 'utf8')) as { key: string; value: { checkTimeoutSeconds: number } };
    expect(stored.value.checkTimeoutSeconds).toBe(30);
    expect((await check('--list', '--root', dir)).stdout).toBe(first.stdout);

    writeFileSync(config, configText("checkTimeoutSeconds: 'soon',"));
    const invalid = await check('--list', '--root', dir);
    expect(invalid.code, describeRun(invalid)).toBe(2);
    expect(invalid.stderr).toMatch(/runbook\.config\.ts: invalid configuration\n {2}- checkTimeoutSeconds: /);
    // A configuration that fails is never stored: the entry is still the valid one's.
    expect(JSON.parse(readFileSync(configCacheFileOf(config), 'utf8'))).toEqual(stored);
    expect((await check('--list', '--root', dir)).code).toBe(2);
  });

  it('ignores a planted or corrupt entry and one stored for another configuration', async () => {
    const { dir, config } = project('planted', configText('checkTimeoutSeconds: 45,'));
    expect((await check('--list', '--root', dir)).code).toBe(0);
    const stored = JSON.parse(readFileSync(configCacheFileOf(config), 'utf8')) as { key: string; value: Record<string, unknown> };
    for (const bad of ['not json {', JSON.stringify({ key: 'another key', value: { ...stored.value, defaultEnvironment: 'elsewhere' } }), JSON.stringify({ key: stored.key, value: null })]) {
      writeFileSync(configCacheFileOf(config), bad);
      const run = await check('--list', '--root', dir);
      expect(run.code, describeRun(run)).toBe(0);
      expect(JSON.parse(readFileSync(configCacheFileOf(config), 'utf8'))).toEqual(stored);
    }
  });

  it('validates a configuration that is not plain data every time and stores nothing for it', async () => {
    const { dir, config } = project('not-plain', configText('runDeadlineSeconds: undefined,'));
    const run = await check('--list', '--root', dir);
    expect(run.code, describeRun(run)).toBe(0);
    expect(existsSync(configCacheFileOf(config))).toBe(false);
  });

  it('a warm run of the project loads no zod: its configuration was validated before and no module on the way builds a schema', async () => {
    expect((await check('3.3.1', '--no-save')).code).toBe(0);
    const record = path.join(tmp, 'modules.txt');
    const run = await runCli('src/cli/main.ts', ['3.3.1', '--no-save'], { preload: [path.join(root, 'test', 'support', 'record-modules.cjs')], env: { RUNBOOK_RECORD_MODULES: record } });
    expect(run.code, describeRun(run)).toBe(0);
    // Its entry file is a stand-in (src/cli/deferred-libraries.ts): nothing behind it loads.
    expect(readFileSync(record, 'utf8').split('\n').filter((file) => /node_modules\/zod\/(?!index\.cjs$|v4\/locales\/index\.cjs$)/.test(file))).toEqual([]);
  });
});
