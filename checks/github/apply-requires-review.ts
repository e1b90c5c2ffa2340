import { defineCheck, error, evidence, fail, link, pass, warn } from '../../src/check-api';
import { githubStatus } from '../../src/diagnostics/github/request-errors';
import { jobEnvironment } from '../../src/diagnostics/github/job-environment';
import { readRepositoryFile } from '../../src/diagnostics/github/repository-file';
import { isSkip, terraformWorkflow } from '../../src/diagnostics/github/workflow-settings';

/** 6.2, "Always review Terraform plan before apply": the workflow's apply job deploys to an environment whose required reviewers must approve it. */
export default defineCheck({
  id: 'apply-requires-review',
  title: 'Terraform apply waits for a reviewer',
  establishes: "The Terraform workflow's apply job (practices.applyJob) names a GitHub environment, and that environment has a required_reviewers protection rule with at least one reviewer.",
  kind: 'check',
  uses: ['github:GetWorkflow', 'github:GetRepoContent', 'github:GetEnvironment'],
  async run(ctx) {
    const workflow = terraformWorkflow(ctx);
    if (isSkip(workflow)) return workflow;
    const github = await ctx.clients.github();
    const { owner, repo } = workflow;
    const applyJob = ctx.config.practices?.applyJob ?? 'apply';
    const found = (await github.rest.actions.getWorkflow({ owner, repo, workflow_id: workflow.terraform.workflow })).data;
    const file = await readRepositoryFile(github, owner, repo, found.path);
    const links = [link(`workflow ${found.path}`, file?.htmlUrl ?? found.html_url)];
    if (!file) return error(`the workflow file ${found.path} is not in ${owner}/${repo}'s default branch`, new Error(`no file ${found.path}`), { links });
    const target = jobEnvironment(file.text, applyJob);
    const seen = [evidence('workflow', found.path), evidence('apply job', applyJob), evidence('environment', target.kind === 'named' ? target.name : null)];
    if (target.kind === 'unreadable') return error(`${found.path}: ${target.problem}`, new Error(target.problem), { evidence: seen, links });
    if (target.kind === 'no-job') return error(`${found.path} has no job "${applyJob}" (practices.applyJob), expected one of ${target.jobs.join(', ') || '(no jobs)'}`, new Error(`no job ${applyJob}`), { evidence: seen, links });
    if (target.kind === 'none') return fail(`the ${applyJob} job of ${found.path} names no environment: it applies as soon as the plan job ends, with nobody reviewing the plan`, { evidence: seen, links });
    if (target.kind === 'expression') return warn(`the ${applyJob} job's environment is the expression ${target.value}, decided at run time: which protection rules apply cannot be read from the workflow`, { evidence: seen, links });
    let environment;
    try {
      environment = (await github.rest.repos.getEnvironment({ owner, repo, environment_name: target.name })).data;
    } catch (caught) {
      if (githubStatus(caught) !== 404) throw caught;
      return fail(`environment ${target.name} does not exist: GitHub creates it on the first apply without protection rules, so nobody reviews the plan`, { evidence: seen, links });
    }
    const rules = environment.protection_rules ?? [];
    links.push(link(`environment ${target.name}`, environment.html_url));
    const reviewers = rules.flatMap((rule) => (rule.type === 'required_reviewers' && 'reviewers' in rule ? (rule.reviewers ?? []) : []));
    const names = reviewers.map((r) => {
      const who = r.reviewer as { login?: string; slug?: string } | undefined;
      return `${r.type ?? '?'} ${who?.login ?? who?.slug ?? '?'}`;
    });
    seen.push(evidence('protection rules', rules.map((rule) => rule.type)), evidence('required reviewers', names));
    if (names.length === 0) return fail(`environment ${target.name} has no required reviewers: the ${applyJob} job runs without anyone approving the plan`, { evidence: seen, links });
    return pass(`the ${applyJob} job deploys to ${target.name}, which waits for ${names.join(', ')}`, { evidence: seen, links });
  },
});
