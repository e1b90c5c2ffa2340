import { regionalArn } from '../authorization/arns';
import type { IamPermission } from '../authorization/permission';

/** The parts of a DynamoDB request body that name tables. */
type TableBody = { TableName?: unknown; RequestItems?: Record<string, unknown> };

/**
 * What IAM authorizes a DynamoDB request as: `dynamodb:OPERATION` (DynamoDB's actions are its API's names) on each
 * table the body names (`TableName`, or `RequestItems` of the batch calls), on `*` when it names none (ListTables).
 */
export function dynamodbPermissions(operation: string, body: Buffer): IamPermission[] {
  let parsed: TableBody = {};
  try {
    parsed = body.length ? (JSON.parse(body.toString('utf8')) as TableBody) : {};
  } catch {
    // The emulator answers a body that is not JSON with its own SerializationException; authorize it as naming no table.
  }
  const tables = typeof parsed.TableName === 'string' ? [parsed.TableName] : Object.keys(parsed.RequestItems ?? {});
  const action = `dynamodb:${operation}`;
  return tables.length ? tables.map((table) => ({ action, resource: regionalArn('dynamodb', `table/${table}`) })) : [{ action, resource: '*' }];
}
