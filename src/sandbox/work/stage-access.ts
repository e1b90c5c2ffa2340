import type { SandboxStates } from '../states';

/**
 * Why Snowflake cannot read a stage's files now: the stage's storage integration is missing, disabled, or does not
 * allow its URL. A refresh lists the stage through the integration, so it fails while this is so; null when it can read.
 */
export function stageAccessProblem(states: SandboxStates, stageName: string): string | null {
  const stage = states.snowflake.stages.get(stageName);
  if (!stage?.storageIntegration) return null;
  const integration = states.snowflake.storageIntegrations.get(stage.storageIntegration);
  const failure = `Failure using stage area. Cause: [Storage integration ${stage.storageIntegration}`;
  if (!integration) return `${failure} does not exist or not authorized]`;
  if (!integration.enabled) return `${failure} is disabled, so the stage ${stageName} (${stage.url}) cannot be read]`;
  const allowed = integration.allowedLocations.some((location) => location === '*' || stage.url.startsWith(location));
  const blocked = integration.blockedLocations.some((location) => stage.url.startsWith(location));
  if (!allowed || blocked) return `${failure} does not allow ${stage.url}]`;
  return null;
}
