import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countActions, describeCounts } from './action-counts';
import { describeDrift } from './drift';
import { generatePlans, type GeneratedPlans } from './generated-plans.test-support';
import { parsePlanText } from './parse-plan-text';
import { failedChecks, incompleteness } from './plan-caveats';
import { NotAPlanError } from './plan-errors';
import { terraformBinary, terraformSkipMessage } from './terraform-cli.test-support';

let plans: GeneratedPlans;
const parse = (file: string) => parsePlanText(readFileSync(file, 'utf8'), file);

describe.skipIf(!terraformBinary)(`plans written by the terraform binary (${terraformBinary ? terraformBinary : terraformSkipMessage})`, () => {
  beforeAll(() => {
    plans = generatePlans();
  }, 120_000);
  afterAll(() => plans?.remove());

  it('reads every action of a real plan: update, delete, forget, no-op, create, move, import, read, and both replace orders', () => {
    const plan = parse(plans.everyAction);
    const byAddress = Object.fromEntries(plan.changes.map((c) => [c.address, c]));
    expect(byAddress['terraform_data.change']).toMatchObject({ action: 'update' });
    expect(byAddress['terraform_data.gone']).toMatchObject({ action: 'delete', reason: 'delete_because_no_resource_config' });
    expect(byAddress['terraform_data.forgotten']).toMatchObject({ action: 'forget' });
    expect(byAddress['terraform_data.keep']).toMatchObject({ action: 'no-op' });
    expect(byAddress['terraform_data.new']).toMatchObject({ action: 'create' });
    expect(byAddress['terraform_data.new_name']).toMatchObject({ action: 'no-op', previousAddress: 'terraform_data.old_name' });
    expect(byAddress['terraform_data.imported']).toMatchObject({ action: 'no-op', importing: { id: 'imported-id' } });
    expect(byAddress['data.terraform_remote_state.later']).toMatchObject({ mode: 'data', action: 'read', reason: 'read_because_config_unknown' });
    expect(byAddress['terraform_data.replaced']).toMatchObject({ action: 'replace', replaceOrder: 'delete-first' });
    expect(byAddress['terraform_data.replaced_cbd']).toMatchObject({ action: 'replace', replaceOrder: 'create-first' });
    // The state edited by hand differs from the configuration: Terraform plans to change it back.
    expect(byAddress['terraform_data.edited']).toMatchObject({ action: 'update', before: expect.objectContaining({ input: 'edited by hand' }), after: expect.objectContaining({ input: 'as configured' }) });
    expect(describeCounts(countActions(plan.changes))).toBe('1 to import, 1 to create, 2 to update, 2 to replace, 1 to delete, 1 to forget, 1 to read, 1 moved');
    expect(plan).toMatchObject({ formatVersion: '1.2', terraformVersion: expect.stringMatching(/^1\.\d+\.\d+/), errored: false, complete: true });
    expect(incompleteness(plan)).toEqual([]);
  });

  it('reads the result of a failing check block with its message', () => {
    expect(failedChecks(parse(plans.everyAction))).toEqual(['check.health failed: keep is not b']);
  });

  it('reports a plan Terraform stopped at an error as incomplete', () => {
    const plan = parse(plans.errored);
    expect(plan).toMatchObject({ errored: true, complete: false, applyable: false });
    // The guarded resource is missing: the plan shows less than an apply would do.
    expect(plan.changes.map((c) => c.address)).not.toContain('terraform_data.guarded');
    expect(incompleteness(plan)).toEqual([expect.stringContaining('stopped planning at an error')]);
  });

  it('reports a -target plan as incomplete', () => {
    const plan = parse(plans.targeted);
    expect(plan.complete).toBe(false);
    expect(incompleteness(plan)).toEqual([expect.stringContaining('"complete": false')]);
  });

  it('reads a refresh-only plan of a hand-edited state: terraform_data reads nothing outside Terraform, so it shows no drift', () => {
    const plan = parse(plans.refreshOnly);
    expect(describeDrift(plan.drift)).toEqual([]);
    expect(incompleteness(plan)).toEqual([]);
  });

  it('reads a destroy plan as deletes of every resource', () => {
    const counts = countActions(parse(plans.destroy).changes);
    expect(counts.delete).toBe(8);
    expect(counts.create + counts.update + counts.replace).toBe(0);
  });

  it.each([
    ['state', 'a Terraform state document'],
    ['emptyState', 'a Terraform state document'],
    ['stateFile', 'a raw Terraform state file'],
    ['uiStream', 'the `terraform plan -json` UI stream'],
  ] as const)('refuses the %s document, saying what it is and how to make a plan', (name, what) => {
    const file = plans[name];
    expect(() => parse(file)).toThrow(NotAPlanError);
    expect(() => parse(file)).toThrow(`${file} is ${what}`);
    expect(() => parse(file)).toThrow('terraform plan -out tfplan && terraform show -json tfplan');
  });
});
