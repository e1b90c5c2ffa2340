import { decodeJsonField, isJsonObject } from './json-field';

/** The Glue JobRun a failed `glue:startJobRun.sync` task carries in its cause. */
export interface GlueRunInCause {
  id: string;
  jobName: string | null;
  state: string | null;
  errorMessage: string | null;
}

/** Reads the Glue JobRun from a task failure's cause (string or parsed); null when the cause is not one. */
export function glueRunFromCause(cause: unknown): GlueRunInCause | null {
  const decoded = decodeJsonField(cause);
  if (!decoded || !isJsonObject(decoded.value)) return null;
  const run = isJsonObject(decoded.value.JobRun) ? decoded.value.JobRun : decoded.value;
  const id = run.Id;
  if (typeof id !== 'string' || !id.startsWith('jr_')) return null;
  const text = (key: string) => (typeof run[key] === 'string' ? (run[key] as string) : null);
  return { id, jobName: text('JobName'), state: text('JobRunState'), errorMessage: text('ErrorMessage') };
}
