import type { SandboxRequest } from '../core/http';

/** A query-protocol request's parameters: scalars by name, and each `Name.member.N` list as an array in order. */
export type QueryInput = Record<string, string | string[]>;

/**
 * Reads the form-encoded parameters of a query-protocol request (`Action=…&ActionNames.member.1=…`) from
 * its body, or its query string for a GET. Lists come back as arrays; nested members keep their flat names.
 */
export function readQueryInput(request: SandboxRequest): QueryInput {
  const text = request.body.toString('utf8');
  const params = new URLSearchParams(text || request.url.search);
  const input: QueryInput = {};
  const lists = new Map<string, Map<number, string>>();
  for (const [name, value] of params) {
    const member = /^(\w+)\.member\.(\d+)$/.exec(name);
    if (!member) {
      input[name] = value;
      continue;
    }
    const list = lists.get(member[1]!) ?? new Map<number, string>();
    list.set(Number(member[2]), value);
    lists.set(member[1]!, list);
  }
  for (const [name, list] of lists) input[name] = [...list.entries()].sort(([a], [b]) => a - b).map(([, value]) => value);
  return input;
}

/** The access key id a SigV4 request was signed with, from its Authorization header or presigned query. */
export function signingAccessKey(request: SandboxRequest): string | undefined {
  const authorization = request.headers.authorization;
  const header = Array.isArray(authorization) ? authorization[0] : authorization;
  const fromHeader = /Credential=([^/,\s]+)\//.exec(header ?? '')?.[1];
  return fromHeader ?? request.url.searchParams.get('X-Amz-Credential')?.split('/')[0] ?? undefined;
}
