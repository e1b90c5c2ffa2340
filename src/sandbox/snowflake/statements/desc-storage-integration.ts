import { normalizePart } from '../names';
import { objectDoesNotExist } from '../errors';
import type { ResultSet } from '../result-set';
import type { StatementHandler } from './statement';

const propertyColumns: ResultSet['columns'] = [
  { name: 'property', type: 'text' },
  { name: 'property_type', type: 'text' },
  { name: 'property_value', type: 'text' },
  { name: 'property_default', type: 'text' },
];

/** DESC STORAGE INTEGRATION name: one row per property, lists comma-joined, as Snowflake prints them. */
export const descStorageIntegration: StatementHandler = {
  operation: 'DESC STORAGE INTEGRATION',
  pattern: /^DESC(?:RIBE)?\s+(?:STORAGE\s+)?INTEGRATION\s+("(?:[^"]|"")+"|[\w$]+)\s*;?\s*$/i,
  mutates: false,
  run({ match, states }) {
    const name = normalizePart(match[1]!);
    const integration = states.snowflake.storageIntegrations.get(name);
    if (!integration) throw objectDoesNotExist('Integration', name);
    return {
      columns: propertyColumns,
      rows: [
        ['ENABLED', 'Boolean', String(integration.enabled), 'false'],
        ['STORAGE_PROVIDER', 'String', 'S3', ''],
        ['STORAGE_ALLOWED_LOCATIONS', 'List', integration.allowedLocations.join(','), '[]'],
        ['STORAGE_BLOCKED_LOCATIONS', 'List', integration.blockedLocations.join(','), '[]'],
        ['STORAGE_AWS_IAM_USER_ARN', 'String', integration.awsIamUserArn, ''],
        ['STORAGE_AWS_ROLE_ARN', 'String', integration.awsRoleArn, ''],
        ['STORAGE_AWS_EXTERNAL_ID', 'String', integration.externalId, ''],
        ['STORAGE_AWS_OBJECT_ACL', 'String', '', ''],
        ['USE_PRIVATELINK_ENDPOINT', 'Boolean', 'false', 'false'],
        ['COMMENT', 'String', '', ''],
      ],
    };
  },
};
