import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { sandboxAccountId } from '../aws-json/account';
import { targetOperation } from '../aws-json/protocol';
import { sandboxCredentials } from '../credentials';
import type { SandboxService } from '../core/service';
import type { SandboxStates } from '../states';
import { awsJsonError } from '../aws-json/protocol';
import { dynamodbPermissions } from './permission';
import { forward } from './proxy';
import { seedTables } from './seed';
import { dynamodbSectionSchema, type DynamodbEmulator, type DynamodbSection, type DynamodbState } from './state';

/** DynamoDB operations that change nothing; every other one is logged as a mutation. */
const readOperations = new Set([
  'GetItem', 'BatchGetItem', 'Query', 'Scan', 'DescribeTable', 'ListTables', 'DescribeTimeToLive',
  'DescribeContinuousBackups', 'ListTagsOfResource', 'TransactGetItems', 'DescribeLimits', 'DescribeEndpoints',
]);

/** dynalite ships no types: it exports a factory of an http.Server. */
type Dynalite = (options: { createTableMs?: number; deleteTableMs?: number; updateTableMs?: number }) => Server;

/**
 * Creates a dynalite server whose ARNs name the sandbox's region and account: dynalite reads both from
 * AWS_REGION and AWS_ACCOUNT_ID once, while it is created (synchronously), so they are set just for that.
 */
function createEmulator(): Server {
  const saved = { AWS_REGION: process.env.AWS_REGION, AWS_ACCOUNT_ID: process.env.AWS_ACCOUNT_ID };
  process.env.AWS_REGION = sandboxCredentials.region;
  process.env.AWS_ACCOUNT_ID = sandboxAccountId;
  try {
    // Loaded here, not at import: a sandbox whose run makes no DynamoDB call never loads or starts dynalite.
    const dynalite = require('dynalite') as Dynalite;
    return dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

async function startEmulator(): Promise<{ server: Server; url: string }> {
  const server = createEmulator();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function stopEmulator(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections?.();
    server.close(() => resolve());
  });
}

async function startSeeded(section: DynamodbSection): Promise<DynamodbEmulator> {
  const { server, url } = await startEmulator();
  try {
    await seedTables(url, section);
  } catch (error) {
    await stopEmulator(server);
    throw error;
  }
  return { server, url };
}

/** The URL of the world's DynamoDB emulator, started and seeded on first use (a call, or the sandbox's own work). */
export async function emulatorUrl(state: DynamodbState): Promise<string> {
  return (await (state.emulator ??= startSeeded(state.section))).url;
}

/**
 * The simulated DynamoDB: dynalite (an in-memory emulator) behind the sandbox's one AWS endpoint, seeded from the world on
 * first use; a request the enforced caller policy does not allow never reaches it.
 */
export const dynamodbService: SandboxService<DynamodbState, SandboxStates> = {
  load: (section) => ({ section: dynamodbSectionSchema.parse(section ?? {}) }),
  dispose: async (state) => {
    const emulator = await state.emulator?.catch(() => undefined);
    if (emulator) await stopEmulator(emulator.server);
  },
  async handle(request, env) {
    const state = env.states.dynamodb;
    const operation = targetOperation(request) ?? 'unknown';
    const denial = env.authorize?.(request, operation, dynamodbPermissions(operation, request.body));
    // DynamoDB names the error by its full shape id, as its real endpoint does.
    if (denial) return { response: awsJsonError('1.0', 'com.amazon.coral.service#AccessDeniedException', denial.message), call: { operation, mutates: false, denied: denial.action } };
    const url = await emulatorUrl(state);
    const response = await forward(url, request);
    return { response, call: { operation, mutates: !readOperations.has(operation) } };
  },
};
