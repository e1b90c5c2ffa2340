import type { SnowflakeSession } from '../../clients';
import { listProperty, propertiesOf } from './properties';

/** A stage's URL and the storage integration it reads through, from DESC STAGE. */
export interface StageInfo {
  url: string | null;
  storageIntegration: string | null;
}

/** A storage integration's state, from DESC STORAGE INTEGRATION. */
export interface StorageIntegrationInfo {
  name: string;
  enabled: boolean;
  allowedLocations: string[];
  blockedLocations: string[];
  awsRoleArn: string | null;
}

/** Describes a stage: its URL and storage integration. */
export async function describeStage(session: SnowflakeSession, stage: string): Promise<StageInfo> {
  const properties = propertiesOf(await session.query(`DESC STAGE ${stage}`));
  return { url: listProperty(properties.get('URL'))[0] ?? null, storageIntegration: properties.get('STORAGE_INTEGRATION') || null };
}

/** Describes a storage integration. */
export async function describeStorageIntegration(session: SnowflakeSession, name: string): Promise<StorageIntegrationInfo> {
  const properties = propertiesOf(await session.query(`DESC STORAGE INTEGRATION ${name}`));
  return {
    name,
    enabled: properties.get('ENABLED')?.toLowerCase() === 'true',
    allowedLocations: listProperty(properties.get('STORAGE_ALLOWED_LOCATIONS')),
    blockedLocations: listProperty(properties.get('STORAGE_BLOCKED_LOCATIONS')),
    awsRoleArn: properties.get('STORAGE_AWS_ROLE_ARN') || null,
  };
}

/** Whether an integration's allowed and blocked locations let it read `url`. */
export function locationAccess(url: string, integration: Pick<StorageIntegrationInfo, 'allowedLocations' | 'blockedLocations'>): 'allowed' | 'not-allowed' | 'blocked' {
  const covers = (location: string) => location === '*' || url.startsWith(location.endsWith('/') ? location : `${location}/`) || url === location;
  if (integration.blockedLocations.some(covers)) return 'blocked';
  return integration.allowedLocations.some(covers) ? 'allowed' : 'not-allowed';
}
