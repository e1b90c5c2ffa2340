import { request as httpRequest } from 'node:http';
import type { SandboxRequest, SandboxResponse } from '../core/http';

/** Forwards a fully read request to a server on loopback and reads its whole answer. */
export function forward(url: string, request: SandboxRequest, timeoutMs = 20_000): Promise<SandboxResponse> {
  return new Promise((resolve, reject) => {
    const target = new URL(request.url.pathname + request.url.search, url);
    const headers = { ...request.headers, host: target.host, 'content-length': String(request.body.length) };
    delete headers['content-encoding'];
    const outgoing = httpRequest(target, { method: request.method, headers, timeout: timeoutMs }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('error', reject);
      incoming.on('end', () => {
        const responseHeaders: Record<string, string> = {};
        for (const [name, value] of Object.entries(incoming.headers)) {
          if (value !== undefined && name !== 'content-length' && name !== 'connection' && name !== 'transfer-encoding') responseHeaders[name] = Array.isArray(value) ? value.join(', ') : value;
        }
        resolve({ status: incoming.statusCode ?? 502, headers: responseHeaders, body: Buffer.concat(chunks) });
      });
    });
    outgoing.on('timeout', () => outgoing.destroy(new Error(`the DynamoDB emulator did not answer within ${timeoutMs} ms`)));
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}
