import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { checkWith } from './support/cli';
import { tempProject } from './support/temp-project';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'runbook-outputs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A project root of its own (the runbook copied, the real config and checks linked in), so what the run saves lands in a temporary folder. */
const project = (name: string): string => tempProject(tmp, name);

/** Spawns the real CLI on a project. */
const check = (projectRoot: string, ...args: string[]) => checkWith([...args, '--root', projectRoot], {});

/**
 * A device that refuses writes. As root, a node of our own in the temporary folder: before this was fixed, the atomic
 * writer renamed its file over the target, and as root that replaced /dev/full itself with a Markdown file.
 */
function fullDevice(): string {
  if (process.getuid?.() !== 0) return '/dev/full';
  const device = path.join(tmp, 'full');
  execFileSync('mknod', ['-m', '666', device, 'c', '1', '7']);
  return device;
}
const device = fullDevice();

describe('output files are checked before any check runs', { timeout: 120_000 }, () => {
  // Each of these ran every check first, then hung (/proc: Node's recursive mkdir never returns there) or ended in a stack trace.
  it.each([
    ['a folder that cannot be created (/proc/nope)', ['--junit', '/proc/nope/x.xml'], /--junit \/proc\/nope\/x\.xml: .*cannot be created/],
    ['a directory', ['--junit', os.tmpdir()], new RegExp(`--junit ${os.tmpdir()}: it is a directory, expected a file path such as ${os.tmpdir()}/report\\.xml`)],
    ['a device', ['--markdown', device], new RegExp(`--markdown ${device}: it is a character device, not a file`)],
    ['a path under a file', ['--junit', '/etc/hostname/x.xml'], /--junit \/etc\/hostname\/x\.xml: \/etc\/hostname is a file, not a folder/],
  ])('%s is refused with exit 2, a message naming the flag and the path, and no check run', async (name, args, message) => {
    const dir = project(`refused-${name.replace(/\W+/g, '-')}`);
    const run = await check(dir, '3.3.1', ...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/Unexpected failure|\n\s+at /);
    expect(run.stdout).toBe('');
  });

  it('a folder that is not writable is refused (as a user without root, who cannot bypass the mode)', async () => {
    if (process.getuid?.() === 0) {
      // root writes anyway; the probe write is what decides, so a read-only mount is the case that remains: /proc/sys is one.
      const run = await check(project('read-only'), '3.3.1', '--junit', '/proc/sys/report.xml');
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/--junit \/proc\/sys\/report\.xml: the folder \/proc\/sys is not writable/);
      expect(run.stdout).toBe('');
      return;
    }
    const locked = path.join(tmp, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    const run = await check(project('locked'), '3.3.1', '--junit', path.join(locked, 'x.xml'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/is not writable/);
  });

  it('the saved result document is checked too: a .runbook that is a file is refused before the checks run', async () => {
    const dir = project('runbook-file');
    writeFileSync(path.join(dir, '.runbook'), 'not a folder');
    const run = await check(dir, '3.3.1');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/saved result .*\.runbook is a file, not a folder.*--no-save/);
    expect(run.stdout).toBe('');
  });

  it('good paths are written, creating missing folders, and leave no probe files behind', async () => {
    const dir = project('good');
    const junit = path.join(tmp, 'reports', 'nested', 'junit.xml');
    const run = await check(dir, '3.3.1', '--junit', junit, '--markdown', path.join(tmp, 'reports', 'incident.md'));
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(junit, 'utf8')).toContain('<testsuites');
    expect(readFileSync(path.join(tmp, 'reports', 'incident.md'), 'utf8')).toContain('3.3.1');
    const { readdirSync } = await import('node:fs');
    const saved = readdirSync(path.join(dir, '.runbook', 'results', 'runs'));
    expect(saved).toHaveLength(1);
    expect(readFileSync(path.join(dir, '.runbook', 'results', 'runs', saved[0]!), 'utf8')).toContain('"3.3.1"');
    expect(readdirSync(path.join(tmp, 'reports')).sort()).toEqual(['incident.md', 'nested']);
  });
});
