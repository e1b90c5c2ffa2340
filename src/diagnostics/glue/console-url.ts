/** The Glue Studio page of one job run. */
export function glueRunConsoleUrl(region: string, jobName: string, runId: string): string {
  return `https://${region}.console.aws.amazon.com/gluestudio/home?region=${region}#/job/${encodeURIComponent(jobName)}/run/${encodeURIComponent(runId)}`;
}

/** The Glue Studio page of a job's details. */
export function glueJobConsoleUrl(region: string, jobName: string): string {
  return `https://${region}.console.aws.amazon.com/gluestudio/home?region=${region}#/editor/job/${encodeURIComponent(jobName)}/details`;
}

/** The CloudWatch console's log-events page of a group, filtered to streams starting with a prefix. */
export function logEventsConsoleUrl(region: string, group: string, streamPrefix: string): string {
  const encode = (text: string) => encodeURIComponent(text).replace(/%/g, '$25');
  return `https://${region}.console.aws.amazon.com/cloudwatch/home?region=${region}#logsV2:log-groups/log-group/${encode(group)}/log-events$3FlogStreamNameFilter$3D${encode(streamPrefix)}`;
}
