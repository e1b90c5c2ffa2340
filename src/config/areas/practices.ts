import { z } from 'zod';

/**
 * Sections 5 and 6 of the runbook (recovery strategy, operational best practices): which roles, resources, jobs
 * and tasks the posture checks judge. The CI role is `terraform.ciRoleArn`; the DAG is `airflow.dagId`.
 */
export const practicesSchema = z.strictObject({
  /** The platform's IAM roles (names) whose policies 6.5 judges for least privilege. */
  platformRoles: z.array(z.string().min(1)).min(1).optional(),
  /** Resource names (`*` matches any characters) that are the platform's, for 6.1's CloudTrail look-up. */
  platformResources: z.array(z.string().min(1)).min(1).optional(),
  /** How far back 6.1 looks for write events, in hours (CloudTrail's event history keeps 90 days). */
  changeLookbackHours: z.number().positive().max(90 * 24).default(24),
  /** The most CloudTrail events 6.1 reads, so a busy account costs a bounded number of calls. */
  maxTrailEvents: z.number().int().positive().max(50_000).default(5_000),
  /** The job of the Terraform workflow that runs `terraform apply` (its key under `jobs:`). */
  applyJob: z.string().min(1).default('apply'),
  /** The repository file that declares the Terraform backend (5.5). */
  backendFile: z.string().min(1).optional(),
  /** The Glue job argument that names a run's output path (5.2). */
  outputPathArgument: z.string().startsWith('--').default('--output_path'),
  /** The Airflow task that publishes the dashboards, which 6.4 wants downstream of the dbt test task (`airflow.dbtTaskId`). */
  publishTaskId: z.string().min(1).optional(),
});

/** Posture settings of one environment. */
export type PracticesConfig = z.infer<typeof practicesSchema>;
