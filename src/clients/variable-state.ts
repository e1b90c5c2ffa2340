/** Whether any of the environment variables is set, in words for a message that lists credential sources (never the value). */
export function variableState(env: NodeJS.ProcessEnv, ...names: string[]): 'set' | 'not set' {
  return names.some((name) => env[name]) ? 'set' : 'not set';
}

/** `GITHUB_TOKEN (not set)`: a variable and whether it is set. */
export function describeVariable(env: NodeJS.ProcessEnv, name: string): string {
  return `${name} (${variableState(env, name)})`;
}
