import { notConfigured, type CheckContext } from '../../check-api';
import type { GithubConfig } from '../../config/areas/github';
import type { TerraformConfig } from '../../config/areas/terraform';
import type { SkipResult } from '../../model';

/** What the 3.6 checks need to find the Terraform workflow's runs. */
export interface TerraformWorkflow {
  owner: string;
  repo: string;
  github: GithubConfig;
  terraform: TerraformConfig;
}

/** The configured repository and workflow, or the skip verdict that names the missing setting. */
export function terraformWorkflow(ctx: CheckContext): TerraformWorkflow | SkipResult {
  const { github, terraform } = ctx.config;
  if (!github) return notConfigured(ctx.environment, 'github');
  if (!terraform) return notConfigured(ctx.environment, 'terraform');
  const [owner, repo] = github.repository.split('/') as [string, string];
  return { owner, repo, github, terraform };
}

/** True when the value is a skip verdict rather than settings. */
export function isSkip(value: TerraformWorkflow | SkipResult): value is SkipResult {
  return 'status' in value;
}
