import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listCheckModules } from '../parser/load';
import { readCheckStatically } from './read-check-statically';

const root = path.resolve(__dirname, '..', '..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'static-check-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Writes a module under tmp/checks/x/ and reads it. */
function read(name: string, text: string) {
  mkdirSync(path.join(tmp, 'checks', 'x'), { recursive: true });
  writeFileSync(path.join(tmp, 'checks', 'x', `${name}.ts`), text);
  return readCheckStatically(tmp, `checks/x/${name}.ts`);
}

const body = "title: 't', establishes: 'e', uses: [], kind: 'check', run: async () => null";

describe('reading a check module without loading it', () => {
  it('finds every check module of the project sound', async () => {
    const modules = await listCheckModules({ root, docsDir: 'docs', checksDir: 'checks' });
    expect(modules.length).toBeGreaterThan(40);
    for (const modulePath of modules) expect(readCheckStatically(root, modulePath), modulePath).toEqual({ kind: 'sound' });
  });

  it.each([
    ['wrong-id', `export default defineCheck({ id: 'another', ${body} });`, /unexpected id "another", expected "wrong-id" \(the file name\)/],
    ['plain-object', `export default { id: 'nope', ${body} };`, /unexpected id "nope", expected "plain-object"/],
    ['bad-kind', `export default defineCheck({ id: 'bad-kind', title: 't', establishes: 'e', uses: [], kind: 'probe', run: async () => null });`, /unexpected kind "probe"/],
    ['no-run', `export default defineCheck({ id: 'no-run', title: 't', establishes: 'e', uses: [], kind: 'check' });`, /a check needs run\(ctx\)/],
    ['half-action', `export default defineCheck({ id: 'half-action', title: 't', establishes: 'e', uses: [], kind: 'action', plan() { return null; } });`, /an action needs plan\(ctx\), precondition\(ctx, plan\) and apply/],
    ['no-title', `export default defineCheck({ id: 'no-title', establishes: 'e', uses: [], kind: 'check', run: async () => null });`, /expected title, establishes and uses/],
    ['broken-import', `import { nothing } from '../../src/nowhere';\nexport default defineCheck({ id: 'broken-import', ${body} });`, /could not load: Cannot find module '\.\.\/\.\.\/src\/nowhere'/],
    ['syntax', `export default defineCheck({ id: 'syntax', `, /could not load/],
  ])('reports %s with the message loading it would give', (name, text, message) => {
    const reading = read(name, text);
    expect(reading.kind).toBe('problem');
    expect(reading.kind === 'problem' && reading.error.message).toMatch(message);
  });

  it('leaves a module whose export it cannot read (a variable, a computed id) to be loaded', () => {
    expect(read('variable', `const check = { id: 'variable', ${body} };\nexport default check;`)).toEqual({ kind: 'unknown-shape' });
    expect(read('computed', `const id = 'computed';\nexport default defineCheck({ id, ${body} });`)).toEqual({ kind: 'unknown-shape' });
  });
});
