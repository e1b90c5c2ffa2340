import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Expression, Module, ObjectExpression } from '@swc/core';
import { checkIdOf } from '../parser/check-link';
import { CheckModuleError } from './load-check';

/** What reading a check module's text told: it is sound, it has a problem, or its shape is not one this reader knows. */
export type StaticReading = { kind: 'sound' } | { kind: 'problem'; error: CheckModuleError } | { kind: 'unknown-shape' };

const literal = (value: Expression | undefined): string | undefined => (value?.type === 'StringLiteral' ? value.value : undefined);

/** The definition of `export default defineCheck({...})` or `export default {...}`, or null when the export has another shape. */
function definitionObject(module: Module): ObjectExpression | null {
  const exported = module.body.find((item) => item.type === 'ExportDefaultExpression');
  let value = exported?.type === 'ExportDefaultExpression' ? exported.expression : undefined;
  while (value?.type === 'TsAsExpression' || value?.type === 'TsSatisfiesExpression' || value?.type === 'ParenthesisExpression') value = value.expression;
  if (value?.type === 'ObjectExpression') return value;
  if (value?.type !== 'CallExpression' || value.callee.type !== 'Identifier' || value.callee.value !== 'defineCheck') return null;
  const argument = value.arguments[0]?.expression;
  return argument?.type === 'ObjectExpression' ? argument : null;
}

/** The object's properties by name, or null when one is computed or spread (then only running the module tells). */
function propertiesOf(object: ObjectExpression): Map<string, Expression | 'method'> | null {
  const properties = new Map<string, Expression | 'method'>();
  for (const property of object.properties) {
    if (property.type === 'KeyValueProperty' && (property.key.type === 'Identifier' || property.key.type === 'StringLiteral')) properties.set(property.key.value, property.value);
    else if (property.type === 'MethodProperty' && property.key.type === 'Identifier') properties.set(property.key.value, 'method');
    else return null;
  }
  return properties;
}

/** The relative imports of a module that name no file (`../../src/nope`): loading it would fail on them. */
function unresolvedImports(module: Module, file: string): string[] {
  const candidates = (base: string) => [base, `${base}.ts`, `${base}.tsx`, `${base}.js`, path.join(base, 'index.ts'), path.join(base, 'index.js')];
  return module.body
    .flatMap((item) => (item.type === 'ImportDeclaration' && !item.typeOnly ? [item.source.value] : []))
    .filter((source) => source.startsWith('.') && !candidates(path.resolve(path.dirname(file), source)).some((candidate) => statSync(candidate, { throwIfNoEntry: false })?.isFile()));
}

/**
 * Reads a check module's declaration from its text, without loading it or anything it imports: the same
 * rules as `validateCheckExport` (the id equals the file name, a known kind, run or plan, precondition and apply, title,
 * establishes and uses), plus its relative imports. A module of another shape is `unknown-shape`.
 */
export function readCheckStatically(root: string, modulePath: string): StaticReading {
  const file = path.resolve(root, modulePath);
  const problem = (text: string): StaticReading => ({ kind: 'problem', error: new CheckModuleError(modulePath, text) });
  let module: Module;
  try {
    const { parseSync } = require('@swc/core') as typeof import('@swc/core');
    module = parseSync(readFileSync(file, 'utf8'), { syntax: 'typescript', tsx: file.endsWith('.tsx') });
  } catch (error) {
    return problem(`could not load: ${(error as Error).message.split('\n').find(Boolean) ?? 'unreadable'}`);
  }
  const object = definitionObject(module);
  const properties = object && propertiesOf(object);
  if (!properties) return { kind: 'unknown-shape' };
  const id = properties.get('id');
  const kind = properties.get('kind');
  if (id === 'method' || kind === 'method' || (id && literal(id) === undefined) || (kind && literal(kind) === undefined)) return { kind: 'unknown-shape' };
  const missing = unresolvedImports(module, file);
  if (missing.length) return problem(`could not load: Cannot find module '${missing[0]}'`);
  const expectedId = checkIdOf(modulePath);
  if (literal(id) !== expectedId) return problem(`unexpected id "${String(literal(id))}", expected "${expectedId}" (the file name)`);
  if (literal(kind) === 'check' && !properties.has('run')) return problem('a check needs run(ctx)');
  if (literal(kind) === 'action' && !(properties.has('plan') && properties.has('precondition') && properties.has('apply'))) return problem('an action needs plan(ctx), precondition(ctx, plan) and apply(ctx, plan)');
  if (literal(kind) !== 'check' && literal(kind) !== 'action') return problem(`unexpected kind "${String(literal(kind))}", expected "check" or "action"`);
  if (!['title', 'establishes', 'uses'].every((name) => properties.has(name))) return problem('expected title, establishes and uses');
  return { kind: 'sound' };
}
