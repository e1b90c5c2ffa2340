import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { terraformWorkdir, type TerraformWorkdir } from './terraform-cli.test-support';

/** Plans and other documents written by the real terraform binary, as files in `dir`. */
export interface GeneratedPlans {
  dir: string;
  /** Every action a plan can hold: update, delete, forget, no-op, create, move, import, read, both replace orders, a failing check. */
  everyAction: string;
  /** A plan Terraform stopped at an error (a failing precondition): `errored: true`. */
  errored: string;
  /** A `-target` plan: `complete: false`. */
  targeted: string;
  /** A `-refresh-only` plan of resources whose state was edited by hand. */
  refreshOnly: string;
  /** A `-destroy` plan. */
  destroy: string;
  /** `terraform show -json` without a plan file: the state. */
  state: string;
  /** The same in a directory without state: `{"format_version":"1.0"}`. */
  emptyState: string;
  /** `terraform plan -json`: the UI stream, JSON lines. */
  uiStream: string;
  /** The raw terraform.tfstate. */
  stateFile: string;
  remove(): void;
}

/** Two resources replaced when the trigger changes: destroy first, and create first (create_before_destroy). */
const replaced = (trigger: string) => `
resource "terraform_data" "replaced" {
  input            = "r"
  triggers_replace = ["${trigger}"]
}
resource "terraform_data" "replaced_cbd" {
  input            = "c"
  triggers_replace = ["${trigger}"]
  lifecycle { create_before_destroy = true }
}`;

const before = `
resource "terraform_data" "keep" { input = "a" }
resource "terraform_data" "change" { input = "v1" }
resource "terraform_data" "gone" { input = "x" }
resource "terraform_data" "forgotten" { input = "f" }
resource "terraform_data" "old_name" { input = "m" }
resource "terraform_data" "edited" { input = "as configured" }
${replaced('t1')}
`;

const after = `
resource "terraform_data" "keep" { input = "a" }
resource "terraform_data" "change" { input = "v2" }
resource "terraform_data" "new" { input = "n" }
resource "terraform_data" "edited" { input = "as configured" }
removed {
  from = terraform_data.forgotten
  lifecycle { destroy = false }
}
moved {
  from = terraform_data.old_name
  to   = terraform_data.new_name
}
resource "terraform_data" "new_name" { input = "m" }
${replaced('t2')}
import {
  to = terraform_data.imported
  id = "imported-id"
}
resource "terraform_data" "imported" {}
data "terraform_remote_state" "later" {
  backend = "local"
  config  = { path = terraform_data.new.output }
}
check "health" {
  assert {
    condition     = terraform_data.keep.output == "b"
    error_message = "keep is not b"
  }
}
`;

const failingPrecondition = `
resource "terraform_data" "ok" { input = "a" }
resource "terraform_data" "guarded" {
  input = "b"
  lifecycle {
    precondition {
      condition     = terraform_data.ok.input == "z"
      error_message = "ok must be z"
    }
  }
}
`;

function save(work: TerraformWorkdir, name: string, content: unknown): string {
  const file = path.join(work.dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

/** Generates the plans with terraform (a few seconds): apply, edit the state by hand, change the configuration, plan. */
export function generatePlans(): GeneratedPlans {
  const work = terraformWorkdir();
  const empty = terraformWorkdir();
  const failing = terraformWorkdir();
  work.write(before);
  work.run(['init', '-input=false', '-no-color']);
  work.run(['apply', '-auto-approve', '-input=false', '-no-color']);
  work.editState((state) => {
    const edited = state.resources.find((r) => r.name === 'edited')!;
    edited.instances[0]!.attributes.input = { value: 'edited by hand', type: 'string' };
  });
  const refreshOnly = save(work, 'refresh-only.json', work.planJson('refresh.tfplan', ['-refresh-only']));
  const state = save(work, 'state.json', work.run(['show', '-json']));
  const stateFile = path.join(work.dir, 'terraform.tfstate');
  work.write(after);
  const everyAction = save(work, 'every-action.json', work.planJson('every.tfplan'));
  const destroy = save(work, 'destroy.json', work.planJson('destroy.tfplan', ['-destroy']));
  const uiStream = save(work, 'ui-stream.jsonl', work.run(['plan', '-json', '-input=false'], { allowFailure: true }));
  empty.write('');
  const emptyState = save(work, 'empty-state.json', empty.run(['show', '-json']));
  failing.write('resource "terraform_data" "a" { input = "1" }\nresource "terraform_data" "b" { input = "1" }\n');
  failing.run(['init', '-input=false', '-no-color']);
  failing.run(['apply', '-auto-approve', '-input=false', '-no-color']);
  failing.write('resource "terraform_data" "a" { input = "2" }\nresource "terraform_data" "b" { input = "2" }\n');
  const targeted = save(work, 'targeted.json', failing.planJson('targeted.tfplan', ['-target=terraform_data.a']));
  failing.write(failingPrecondition);
  const errored = save(work, 'errored.json', failing.planJson('errored.tfplan'));
  empty.remove();
  failing.remove();
  return { dir: work.dir, everyAction, errored, targeted, refreshOnly, destroy, state, emptyState, uiStream, stateFile, remove: () => work.remove() };
}
