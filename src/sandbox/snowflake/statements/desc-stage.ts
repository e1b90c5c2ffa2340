import { qualify } from '../names';
import { objectDoesNotExist } from '../errors';
import type { StatementHandler } from './statement';

/** DESC STAGE name: parent_property / property rows, with the URL as a JSON list and the storage integration. */
export const descStage: StatementHandler = {
  operation: 'DESC STAGE',
  pattern: /^DESC(?:RIBE)?\s+STAGE\s+([\w$."]+)\s*;?\s*$/i,
  mutates: false,
  run({ match, session, states }) {
    const name = qualify(match[1]!, session);
    const stage = states.snowflake.stages.get(name);
    if (!stage) throw objectDoesNotExist('Stage', name);
    return {
      columns: [
        { name: 'parent_property', type: 'text' },
        { name: 'property', type: 'text' },
        { name: 'property_type', type: 'text' },
        { name: 'property_value', type: 'text' },
        { name: 'property_default', type: 'text' },
      ],
      rows: [
        ['STAGE_FILE_FORMAT', 'TYPE', 'String', 'JSON', 'CSV'],
        ['STAGE_LOCATION', 'URL', 'String', JSON.stringify([stage.url]), ''],
        ['STAGE_LOCATION', 'AWS_ACCESS_POINT_ARN', 'String', '', ''],
        ['STAGE_INTEGRATION', 'STORAGE_INTEGRATION', 'String', stage.storageIntegration ?? '', ''],
        ['STAGE_CREDENTIALS', 'AWS_KEY_ID', 'String', '', ''],
        ['DIRECTORY', 'ENABLE', 'Boolean', 'false', 'false'],
      ],
    };
  },
};
