/** A path template in OpenAPI form (`/dags/{dag_id}/dagRuns`) compiled for matching request paths. */
export interface PathTemplate {
  template: string;
  /** The parameter names, in order. */
  names: string[];
  pattern: RegExp;
}

/** Compiles an OpenAPI path template: each `{name}` matches one path segment; `{path}` (GitHub's contents path) may span several. */
export function compileTemplate(template: string): PathTemplate {
  const names: string[] = [];
  const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return name === 'path' ? '(.+)' : '([^/]+)';
  });
  return { template, names, pattern: new RegExp(`^${source}$`) };
}

/** The decoded parameters of a path that matches the template, or null. */
export function matchTemplate(compiled: PathTemplate, path: string): Record<string, string> | null {
  const found = compiled.pattern.exec(path);
  if (!found) return null;
  return Object.fromEntries(compiled.names.map((name, i) => [name, decodeURIComponent(found[i + 1]!)]));
}

/** A template filled with values (encoded), e.g. for a contract test's request. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for {${name}} in ${template}`);
    return encodeURIComponent(value);
  });
}
