import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { sandboxCredentials } from '../credentials';
import type { DynamodbSection } from './state';

/** A world value as a DynamoDB attribute: objects and arrays become their JSON text. */
export function toAttribute(value: unknown): AttributeValue {
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number') return { N: String(value) };
  if (typeof value === 'boolean') return { BOOL: value };
  return { S: JSON.stringify(value) };
}

/** Creates the world's tables in the emulator and puts their items. */
export async function seedTables(url: string, section: DynamodbSection): Promise<void> {
  const { CreateTableCommand, DynamoDBClient, PutItemCommand } = require('@aws-sdk/client-dynamodb') as typeof import('@aws-sdk/client-dynamodb');
  const client = new DynamoDBClient({ endpoint: url, region: sandboxCredentials.region, credentials: { ...sandboxCredentials.aws }, maxAttempts: 1 });
  try {
    for (const [name, table] of Object.entries(section.tables)) {
      await client.send(
        new CreateTableCommand({
          TableName: name,
          AttributeDefinitions: [{ AttributeName: table.hashKey, AttributeType: 'S' }],
          KeySchema: [{ AttributeName: table.hashKey, KeyType: 'HASH' }],
          BillingMode: 'PAY_PER_REQUEST',
        }),
      );
      for (const [key, attributes] of Object.entries(table.items)) {
        const item: Record<string, AttributeValue> = { [table.hashKey]: { S: key } };
        for (const [attribute, value] of Object.entries(attributes)) item[attribute] = toAttribute(value);
        await client.send(new PutItemCommand({ TableName: name, Item: item }));
      }
    }
  } finally {
    client.destroy();
  }
}
