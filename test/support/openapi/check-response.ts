import type { ContractValidator } from './contract-validator';

/** A response as the contract tests read it: status, media type, headers and the body (parsed when JSON). */
export interface SeenResponse {
  status: number;
  mediaType: string | null;
  headers: Headers;
  body: unknown;
}

/** Fetches without following redirects, and reads the body as JSON when the media type says so. */
export async function fetchSeen(url: string, init: RequestInit = {}): Promise<SeenResponse> {
  const response = await fetch(url, { ...init, redirect: 'manual' });
  const mediaType = response.headers.get('content-type')?.split(';')[0]!.trim() ?? null;
  const text = await response.text();
  const body = mediaType && /[/+]json$/.test(mediaType) && text ? (JSON.parse(text) as unknown) : text;
  return { status: response.status, mediaType, headers: response.headers, body };
}

/** Media types that name the same body: Airflow 2 sends RFC 7807 problems as `application/problem+json` where its spec says `application/json`. */
const sameMedia = (declared: string, seen: string) => declared === seen || (declared === 'application/json' && /^application\/[\w.-]+\+json$/.test(seen));

/**
 * What is wrong with a response by the spec's operation: a status it does not declare, a media type or
 * header it does not declare, a body its schema refuses. An empty list when the response is as specified.
 */
export function specProblems(validator: ContractValidator, specId: string, path: string, method: string, seen: SeenResponse): string[] {
  const declared = validator.response(specId, path, method, seen.status);
  if (!declared) return [`status ${seen.status} is not declared for ${method.toUpperCase()} ${path}`];
  const problems: string[] = [];
  for (const name of declared.headers) {
    if (name.toLowerCase() === 'location' && !seen.headers.get('location')) problems.push('the declared Location header is missing');
  }
  if (declared.mediaTypes.length === 0) return problems;
  if (!seen.mediaType || !declared.mediaTypes.some((type) => sameMedia(type, seen.mediaType!))) {
    return [...problems, `media type ${seen.mediaType} is not among ${declared.mediaTypes.join(', ')}`];
  }
  if (declared.validate && /[/+]json$/.test(seen.mediaType)) problems.push(...declared.validate(seen.body));
  return problems;
}
