import { describe, expect, it } from 'vitest';
import { jsonResponse, type SandboxRequest } from './http';
import { handledLater } from './handled-later';
import type { ServiceEnv, ServiceHandler } from './service';

const request = { method: 'GET', url: new URL('http://127.0.0.1/x'), headers: {}, body: Buffer.alloc(0) } as unknown as SandboxRequest;
const env = { states: {}, clock: { now: () => new Date() }, baseUrl: 'http://127.0.0.1' } as ServiceEnv<unknown>;

/** A handler module that counts how often it is loaded. */
function countedModule() {
  const counts = { loads: 0 };
  const handler: ServiceHandler = { handle: async () => ({ response: jsonResponse(200, { ok: true }), call: { operation: 'X', mutates: false } }) };
  const load = async () => {
    counts.loads++;
    return { handler };
  };
  return { counts, required: () => ({ handler }), imported: load };
}

describe('a service handler loaded on first use', () => {
  it('loads nothing until the first request, then once, and answers as the handler does', async () => {
    const module = countedModule();
    const service = handledLater(module.required, module.imported);
    expect(module.counts.loads).toBe(0);
    const [first, second] = await Promise.all([service.handle(request, env), service.handle(request, env)]);
    expect(first.call.operation).toBe('X');
    expect(second.response.status).toBe(200);
    expect(module.counts.loads).toBe(1);
  });

  it('loads on prepare, ahead of the first request', async () => {
    const module = countedModule();
    const service = handledLater(module.required, module.imported);
    await service.prepare();
    expect(module.counts.loads).toBe(1);
    await service.handle(request, env);
    expect(module.counts.loads).toBe(1);
  });

  it('fails each request with the load error when the module cannot load', async () => {
    const service = handledLater<unknown>(() => { throw new Error('unreachable'); }, async () => { throw new Error('handler module missing'); });
    await expect(service.handle(request, env)).rejects.toThrow('handler module missing');
    await expect(service.prepare()).rejects.toThrow('handler module missing');
  });
});
