import type { SandboxRequest } from '../core/http';

/** A query-protocol request's parameters (`Action=…&ActionNames.member.1=…`), form-decoded. */
export class QueryParams {
  private readonly params: URLSearchParams;

  constructor(request: SandboxRequest) {
    const text = request.body.toString('utf8');
    this.params = new URLSearchParams(text || request.url.search);
  }

  /** A single parameter, or undefined. */
  get(name: string): string | undefined {
    return this.params.get(name) ?? undefined;
  }

  /** A list parameter (`Name.member.1`, `Name.member.2`, …) in order. */
  list(name: string): string[] {
    const values: string[] = [];
    for (let index = 1; this.params.has(`${name}.member.${index}`); index++) values.push(this.params.get(`${name}.member.${index}`)!);
    return values;
  }
}
