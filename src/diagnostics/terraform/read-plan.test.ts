import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasRealArtifacts, realArtifactsSkipMessage, realDir } from '../stepfunctions/real-artifacts.test-support';
import { incompleteness } from './plan-caveats';
import { NotAPlanError, PlanFormatError } from './plan-errors';
import { parsePlan } from './read-plan';

const fixtureDir = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'real', 'terraform');
const jsonIn = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(dir, f));
const sharedPlans = hasRealArtifacts ? jsonIn(path.join(realDir, 'terraform')) : [];
const fixturePlans = jsonIn(fixtureDir);
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
const named = (fragment: string) => [...sharedPlans, ...fixturePlans].find((f) => f.includes(fragment))!;
type RawChange = { address: string; previous_address?: string; change: { actions: string[]; importing?: unknown } };

function expectFaithful(file: string): void {
  const raw = read(file);
  const plan = parsePlan(raw, file);
  const rawChanges = (raw.resource_changes as RawChange[] | undefined) ?? [];
  expect(plan.changes.map((c) => c.address)).toEqual(rawChanges.map((c) => c.address));
  for (const [index, change] of plan.changes.entries()) {
    const actions = rawChanges[index]!.change.actions;
    expect(change.action).toBe(actions.length === 2 ? 'replace' : actions[0]);
    expect(change.previousAddress ?? null).toBe(rawChanges[index]!.previous_address ?? null);
    expect(Boolean(change.importing)).toBe(Boolean(rawChanges[index]!.change.importing));
  }
  expect(plan.drift.length).toBe(((raw.resource_drift as unknown[]) ?? []).length);
  expect(plan.errored).toBe(raw.errored === true);
  // Whatever Terraform marked errored or incomplete, the parser reports as incomplete.
  expect(incompleteness(plan).length > 0).toBe(raw.errored === true || raw.complete === false || Boolean((raw.deferred_changes as unknown[] | undefined)?.length));
}

describe.skipIf(!hasRealArtifacts)(`real plans in ../shared/real/terraform (${hasRealArtifacts ? `${sharedPlans.length} files` : realArtifactsSkipMessage})`, () => {
  it.each(sharedPlans.map((f) => path.basename(f)))('%s parses, keeping every change with its address and action', (file) => expectFaithful(path.join(realDir, 'terraform', file)));

  it('reads a replace with its destroy-first order, reason and the attribute that forces it', () => {
    const [change] = parsePlan(read(named('requires-replace'))).changes;
    expect(change).toMatchObject({ action: 'replace', replaceOrder: 'delete-first', reason: 'replace_because_cannot_update', replacePaths: ['ami'] });
  });

  it('reads a delete of a resource removed from the configuration, with its reason', () => {
    const deleted = parsePlan(read(named('basic-delete'))).changes.find((c) => c.action === 'delete');
    expect(deleted).toMatchObject({ address: 'test_instance.test-delete', reason: 'delete_because_no_resource_config' });
  });

  it('reads resource_drift entries with their before and after values', () => {
    const plan = parsePlan(read(named('showjson_drift')));
    expect(plan.drift).toEqual([expect.objectContaining({ address: 'test_instance.should_refresh', action: 'update', before: expect.objectContaining({ ami: 'refresh-me' }), after: expect.objectContaining({ ami: 'refreshed' }) })]);
  });

  it('leaves terraform_version null where the plan has none, and reads it where it does', () => {
    const versions = sharedPlans.map((f) => parsePlan(read(f)).terraformVersion);
    expect(versions).toContain(null);
    expect(versions.filter(Boolean).every((v) => /^\d+\.\d+\.\d+/.test(v!))).toBe(true);
  });
});

describe(`real plans committed as fixtures (${fixturePlans.length} files in test/fixtures/real/terraform)`, () => {
  it.each(fixturePlans.map((f) => path.basename(f)))('%s parses, keeping every change with its address and action', (file) => expectFaithful(path.join(fixtureDir, file)));

  it('reads the format 0.2 plan Terraform 1.0 writes', () => {
    const plan = parsePlan(read(named('format0.2')));
    expect(plan).toMatchObject({ formatVersion: '0.2', terraformVersion: '1.0.3', complete: null, errored: false });
    expect(plan.changes.map((c) => c.action)).toEqual(['create', 'create', 'create']);
  });

  it('reports an errored plan without resource changes as incomplete, not as a plan that changes nothing', () => {
    const plan = parsePlan(read(named('plan-error')));
    expect(plan.changes).toEqual([]);
    expect(incompleteness(plan)).toEqual([expect.stringContaining('"errored": true')]);
  });

  it('keeps the previous address of a resource that moved and drifted', () => {
    const plan = parsePlan(read(named('moved-drift')));
    expect(plan.drift).toEqual([expect.objectContaining({ address: 'test_instance.should_refresh_with_move', previousAddress: 'test_instance.should_refresh', action: 'update' })]);
  });
});

describe('plan format edge cases', () => {
  const minimal = (actions: string[], extra: Record<string, unknown> = {}) => ({
    format_version: '1.2',
    planned_values: {},
    resource_changes: [{ address: 'aws_s3_bucket.a', mode: 'managed', type: 'aws_s3_bucket', name: 'a', change: { actions, before: {}, after: {}, ...extra } }],
  });

  it('reads ["create","delete"] as a create-before-destroy replace and ["create","forget"] as a replace that forgets the old object', () => {
    expect(parsePlan(minimal(['create', 'delete'])).changes[0]).toMatchObject({ action: 'replace', replaceOrder: 'create-first' });
    expect(parsePlan(minimal(['create', 'forget'])).changes[0]).toMatchObject({ action: 'replace', replaceOrder: 'create-then-forget' });
  });

  it('reads a deferred change with its reason and counts it as making the plan incomplete', () => {
    const deferred = { reason: 'resource_config_unknown', resource_change: { address: 'aws_s3_bucket.b', mode: 'managed', type: 'aws_s3_bucket', name: 'b', index_unknown: true, change: { actions: ['create'], importing: { unknown: true } } } };
    const plan = parsePlan({ ...minimal(['no-op']), complete: false, deferred_changes: [deferred] });
    expect(plan.deferred).toEqual([expect.objectContaining({ address: 'aws_s3_bucket.b', action: 'create', deferReason: 'resource_config_unknown', importing: { id: null } })]);
    expect(incompleteness(plan)).toEqual(['1 change deferred to a later plan: aws_s3_bucket.b (resource_config_unknown)']);
  });

  it('refuses a plan of an unknown format with a PlanFormatError naming the version', () => {
    const thrown = (() => {
      try {
        parsePlan({ format_version: '2.0', planned_values: {} });
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(PlanFormatError);
    expect(thrown).toMatchObject({ formatVersion: '2.0' });
  });

  it('refuses a malformed change, or an action pair Terraform never writes, with the problem named', () => {
    expect(() => parsePlan(minimal(['explode']))).toThrow(/resource_changes\.0\.change\.actions/);
    expect(() => parsePlan(minimal(['update', 'delete']))).toThrow(PlanFormatError);
  });

  it('refuses what is not a plan, saying what it is and how to make one', () => {
    expect(() => parsePlan({ resource_changes: [] })).toThrow(NotAPlanError);
    expect(() => parsePlan({ format_version: '1.0' }, 'plan.json')).toThrow('plan.json is a Terraform state document (`terraform show -json` without a plan file, format 1.0)');
    expect(() => parsePlan({ version: 4, terraform_version: '1.11.4', serial: 3, lineage: 'x', resources: [] })).toThrow(/raw Terraform state file .*terraform plan -out tfplan && terraform show -json tfplan/);
  });
});
