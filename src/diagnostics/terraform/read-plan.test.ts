import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlan, PlanFormatError } from './read-plan';

const realDir = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'real', 'terraform');
const realFiles = existsSync(realDir) ? readdirSync(realDir).filter((f) => f.endsWith('.json')).sort() : [];
const readReal = (name: string) => JSON.parse(readFileSync(path.join(realDir, name), 'utf8')) as Record<string, unknown>;

describe.skipIf(!realFiles.length)(`real plans in ${realDir} (absent in a user's clone: skipped)`, () => {
  it.each(realFiles)('%s parses, and every resource change keeps its address, type and action', (file) => {
    const raw = readReal(file);
    const plan = parsePlan(raw);
    expect(plan.formatVersion).toMatch(/^1\.[0-2]$/);
    const rawChanges = (raw.resource_changes as Array<{ address: string; change: { actions: string[] } }>) ?? [];
    expect(plan.changes.map((c) => c.address)).toEqual(rawChanges.map((c) => c.address));
    for (const [index, change] of plan.changes.entries()) {
      const actions = rawChanges[index]!.change.actions;
      expect(change.action).toBe(actions.length === 2 ? 'replace' : actions[0]);
    }
    expect(plan.drift.length).toBe(((raw.resource_drift as unknown[]) ?? []).length);
  });

  it('reads a replace with its destroy-first order, reason and the attribute that forces it', () => {
    const file = realFiles.find((f) => f.includes('requires-replace'));
    expect(file, 'hashicorp_showjson_requires-replace.json is among the real plans').toBeDefined();
    const [change] = parsePlan(readReal(file!)).changes;
    expect(change).toMatchObject({ action: 'replace', replaceOrder: 'delete-first', reason: 'replace_because_cannot_update', replacePaths: ['ami'] });
  });

  it('reads a delete of a resource removed from the configuration, with its reason', () => {
    const file = realFiles.find((f) => f.includes('basic-delete'));
    const deleted = parsePlan(readReal(file!)).changes.find((c) => c.action === 'delete');
    expect(deleted).toMatchObject({ address: 'test_instance.test-delete', reason: 'delete_because_no_resource_config' });
  });

  it('reads resource_drift entries with their before and after values', () => {
    const file = realFiles.find((f) => f.includes('showjson_drift'));
    const plan = parsePlan(readReal(file!));
    expect(plan.drift).toEqual([expect.objectContaining({ address: 'test_instance.should_refresh', action: 'update', before: expect.objectContaining({ ami: 'refresh-me' }), after: expect.objectContaining({ ami: 'refreshed' }) })]);
  });

  it('leaves terraform_version null where the plan has none, and reads it where it does', () => {
    const versions = realFiles.map((f) => parsePlan(readReal(f)).terraformVersion);
    expect(versions).toContain(null);
    expect(versions.filter(Boolean).every((v) => /^\d+\.\d+\.\d+/.test(v!))).toBe(true);
  });
});

describe('plan format edge cases', () => {
  const minimal = (actions: string[]) => ({
    format_version: '1.2',
    resource_changes: [{ address: 'aws_s3_bucket.a', mode: 'managed', type: 'aws_s3_bucket', name: 'a', change: { actions, before: {}, after: {} } }],
  });

  it('reads ["create","delete"] as a create-before-destroy replace', () => {
    expect(parsePlan(minimal(['create', 'delete'])).changes[0]).toMatchObject({ action: 'replace', replaceOrder: 'create-first' });
  });

  it('treats a plan without resource_changes or resource_drift as one with no changes', () => {
    expect(parsePlan({ format_version: '1.0' })).toMatchObject({ changes: [], drift: [], terraformVersion: null, errored: false });
  });

  it('refuses a plan of an unknown major format with a PlanFormatError naming the version', () => {
    const thrown = (() => {
      try {
        parsePlan({ format_version: '2.0', resource_changes: [] });
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(PlanFormatError);
    expect(thrown).toMatchObject({ formatVersion: '2.0' });
  });

  it('refuses JSON that is not a plan, and a malformed change, with the problems listed', () => {
    expect(() => parsePlan({ resource_changes: [] })).toThrow(PlanFormatError);
    expect(() => parsePlan(minimal(['explode']))).toThrow(/resource_changes\.0\.change\.actions/);
    expect(() => parsePlan(minimal(['update', 'delete']))).toThrow(PlanFormatError);
  });
});
