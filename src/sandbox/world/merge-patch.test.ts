import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadWorld, WorldError } from './load-world';
import { mergePatch } from './merge-patch';
import { resolveDateTemplates, resolveRelativeTime, resolveRelativeTimes } from './relative-time';

describe('mergePatch (RFC 7386)', () => {
  it('merges objects key by key, deletes keys patched with null, and replaces arrays whole', () => {
    const target = { a: { b: 1, c: 2 }, list: [1, 2, 3], gone: true };
    expect(mergePatch(target, { a: { c: 3, d: 4 }, list: [9], gone: null })).toEqual({ a: { b: 1, c: 3, d: 4 }, list: [9] });
    expect(target).toEqual({ a: { b: 1, c: 2 }, list: [1, 2, 3], gone: true });
  });

  it('replaces a non-object with a patch object, and anything with a non-object patch', () => {
    expect(mergePatch('x', { a: 1 })).toEqual({ a: 1 });
    expect(mergePatch({ a: 1 }, 'y')).toBe('y');
    expect(mergePatch(undefined, { a: { b: null } })).toEqual({ a: {} });
  });
});

describe('relative times', () => {
  const now = new Date('2026-11-25T12:00:00.000Z');

  it.each([
    ['now', '2026-11-25T12:00:00.000Z'],
    ['now-2h', '2026-11-25T10:00:00.000Z'],
    ['now+5m', '2026-11-25T12:05:00.000Z'],
    ['now-90d', '2026-08-27T12:00:00.000Z'],
    ['now-1500ms', '2026-11-25T11:59:58.500Z'],
  ])('resolves %s', (text, iso) => expect(resolveRelativeTime(text, now)?.toISOString()).toBe(iso));

  it('writes the dates names carry from relative times, in strings and object keys, in UTC', () => {
    expect(resolveDateTemplates('daily-{now-13h:YYYY-MM-DD}', now)).toBe('daily-2026-11-24');
    expect(resolveDateTemplates('reviews/year={now:YYYY}/month={now:MM}/day={now+12h:DD}/', now)).toBe('reviews/year=2026/month=11/day=26/');
    expect(resolveDateTemplates('{now-90m:YY/MM/DD HH:mm:ss} INFO', now)).toBe('26/11/25 10:30:00 INFO');
    expect(resolveRelativeTimes({ executions: { 'daily-{now-2h:YYYY-MM-DD}': { startDate: 'now-2h', input: { run_date: '{now-2h:YYYY-MM-DD}' } } } }, now)).toEqual({
      executions: { 'daily-2026-11-25': { startDate: '2026-11-25T10:00:00.000Z', input: { run_date: '2026-11-25' } } },
    });
    expect(resolveDateTemplates("{{ env_var('X') }} {i} {n}", now)).toBe("{{ env_var('X') }} {i} {n}");
  });

  it('leaves other strings alone, in nested values', () => {
    expect(resolveRelativeTime('nowhere', now)).toBeNull();
    expect(resolveRelativeTimes({ a: ['now-1h', 'later'], b: 3 }, now)).toEqual({ a: ['2026-11-25T11:00:00.000Z', 'later'], b: 3 });
  });
});

describe('loadWorld', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'runbook-load-world-'));
  const write = (file: string, value: unknown) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), typeof value === 'string' ? value : JSON.stringify(value));
  };
  write('base/world.json', { description: 'base' });
  write('base/s3.json', { buckets: { a: { region: 'eu-west-1' }, b: {} } });
  write('child/world.json', { description: 'child', extends: 'base', expect: { '3.3.1': 'fail' } });
  write('child/s3.json', { buckets: { b: null, c: { objects: { k: { lastModified: 'now-1h' } } } } });
  write('loop-a/world.json', { description: 'a', extends: 'loop-b' });
  write('loop-b/world.json', { description: 'b', extends: 'loop-a' });
  write('bad-header/world.json', { description: 'x', unknown: 1 });
  write('bad-json/world.json', '{ not json');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const now = new Date('2026-11-25T12:00:00.000Z');

  it('applies the sections of the world it extends as merge patches, with relative times resolved', () => {
    const world = loadWorld('child', now, dir);
    expect(world.header).toEqual({ description: 'child', extends: 'base', expect: { '3.3.1': 'fail' } });
    expect(world.sections.s3).toEqual({ buckets: { a: { region: 'eu-west-1' }, c: { objects: { k: { lastModified: '2026-11-25T11:00:00.000Z' } } } } });
  });

  it('names the known worlds for an unknown one, and refuses names that are paths', () => {
    expect(() => loadWorld('nope', now, dir)).toThrow(WorldError);
    expect(() => loadWorld('nope', now, dir)).toThrow(/Unknown world "nope", expected one of: bad-header, bad-json, base, child, loop-a, loop-b/);
    expect(() => loadWorld('../base', now, dir)).toThrow(/Unknown world/);
  });

  it('reports a cycle of extends, a header with unknown keys, and a file that is not JSON, naming the file', () => {
    expect(() => loadWorld('loop-a', now, dir)).toThrow(/World "loop-a" extends itself: loop-a → loop-b → loop-a/);
    expect(() => loadWorld('bad-header', now, dir)).toThrow(/bad-header\/world\.json: \(root\): Unrecognized key/);
    expect(() => loadWorld('bad-json', now, dir)).toThrow(/bad-json\/world\.json: /);
  });
});
