import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deferNamespace } from './deferred-namespace';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'deferred-namespace-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A module that counts its loads on globalThis under `counter`. */
function moduleFile(name: string, counter: string, body: string): string {
  const file = path.join(tmp, `${name}.js`);
  writeFileSync(file, `globalThis.${counter} = (globalThis.${counter} ?? 0) + 1;\n${body}\n`);
  return file;
}
const loads = (counter: string) => (globalThis as Record<string, unknown>)[counter];

describe('a module put off until used', () => {
  it('is not loaded by require, and loads once on the first read of a name, then is the real module', () => {
    const file = moduleFile('library', 'libraryLoads', 'exports.greet = (name) => `hello ${name}`; exports.version = 3;');
    deferNamespace(file, { esModule: false });
    const library = require(file) as { greet(name: string): string; version: number };
    expect(loads('libraryLoads')).toBeUndefined();
    expect(library.greet('ada')).toBe('hello ada');
    expect(loads('libraryLoads')).toBe(1);
    expect(library.version).toBe(3);
    expect(Object.keys(library)).toEqual(['greet', 'version']);
    expect('greet' in library).toBe(true);
    expect((require(file) as { version: number }).version).toBe(3);
    expect(loads('libraryLoads')).toBe(1);
  });

  it("answers __esModule as declared without loading, so TypeScript's import * keeps the stand-in", () => {
    const file = moduleFile('esm', 'esmLoads', 'Object.defineProperty(exports, "__esModule", { value: true }); exports.fr = () => "bonjour";');
    deferNamespace(file, { esModule: true });
    const namespace = require(file) as { __esModule: boolean; fr(): string };
    expect(namespace.__esModule).toBe(true);
    expect(loads('esmLoads')).toBeUndefined();
    expect(namespace.fr()).toBe('bonjour');
    expect(loads('esmLoads')).toBe(1);
  });

  it('stands in for a module that is a function: called, constructed, its names and instanceof work, loaded on first use', () => {
    const file = moduleFile(
      'callable',
      'callableLoads',
      'function Moment(value) { if (!(this instanceof Moment)) return new Moment(value); this.value = value; }\nMoment.utc = (value) => `utc ${value}`;\nmodule.exports = Moment;',
    );
    deferNamespace(file, { esModule: false, shape: 'function' });
    const Moment = require(file) as { (value: number): { value: number }; new (value: number): { value: number }; utc(value: number): string };
    expect(typeof Moment).toBe('function');
    expect(loads('callableLoads')).toBeUndefined();
    expect(Moment(3).value).toBe(3);
    expect(loads('callableLoads')).toBe(1);
    const made = new Moment(4);
    expect(made.value).toBe(4);
    expect(made instanceof Moment).toBe(true);
    expect(made instanceof (require(file) as new () => unknown)).toBe(true);
    expect({} instanceof Moment).toBe(false);
    expect(Moment.utc(5)).toBe('utc 5');
    expect(loads('callableLoads')).toBe(1);
  });

  it('leaves a module already loaded as it is', () => {
    const file = moduleFile('loaded', 'loadedLoads', 'exports.value = 1;');
    const real = require(file) as { value: number };
    deferNamespace(file, { esModule: false });
    expect(require(file)).toBe(real);
    expect(loads('loadedLoads')).toBe(1);
  });
});
