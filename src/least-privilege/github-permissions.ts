import type { EnvironmentConfig } from '../config';
import { collectPermissions, type SystemGrants, type SystemPermission } from './system-permission';

/** The fine-grained token's repository permissions each GitHub REST operation needs (every token has Metadata: read). */
export const githubOperations: Record<string, SystemPermission> = {
  ListWorkflowRuns: { needs: ['Actions: Read-only'] },
  ListJobsForWorkflowRun: { needs: ['Actions: Read-only'] },
  DownloadJobLogsForWorkflowRun: { needs: ['Actions: Read-only'] },
  ListWorkflowRunArtifacts: { needs: ['Actions: Read-only'] },
  DownloadArtifact: { needs: ['Actions: Read-only'] },
  GetWorkflow: { needs: ['Actions: Read-only'] },
  GetRepoContent: { needs: ['Contents: Read-only'] },
  GetEnvironment: { needs: ['Environments: Read-only'] },
  ReRunWorkflowFailedJobs: { needs: ['Actions: Read and write'], write: true },
};

/** The fine-grained personal access token (or GitHub App) permissions for the given operations, on the configured repository only. */
export function githubGrants(entries: readonly string[], env: EnvironmentConfig): SystemGrants {
  const { read, write, unmapped } = collectPermissions(entries, 'github', githubOperations);
  const repository = env.github?.repository ?? 'OWNER/REPO';
  const token = (permissions: Set<string>) => [`Repository access: only ${repository}`, `Repository permissions: ${[...permissions, 'Metadata: Read-only'].join(', ')}`];
  return { read: read.size ? token(read) : [], remediation: write.size ? token(write) : [], unmapped };
}
