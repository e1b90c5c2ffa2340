import type { IncomingMessage } from 'node:http';
import { gunzipSync } from 'node:zlib';
import type { SandboxRequest } from './http';

/** The largest request body the sandbox accepts, so a runaway client cannot exhaust memory. */
export const maxRequestBytes = 64 * 1024 * 1024;

/** Reads a request fully, unzipping a gzip body (the Snowflake driver compresses its requests). */
export async function readRequest(incoming: IncomingMessage, baseUrl: string): Promise<SandboxRequest> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming) {
    size += (chunk as Buffer).length;
    if (size > maxRequestBytes) throw new Error(`request body over ${maxRequestBytes} bytes`);
    chunks.push(chunk as Buffer);
  }
  let body = Buffer.concat(chunks);
  if (incoming.headers['content-encoding'] === 'gzip' && body.length > 0) body = gunzipSync(body);
  return { method: incoming.method ?? 'GET', url: new URL(incoming.url ?? '/', baseUrl), headers: incoming.headers, body };
}
