import type { ZodError } from 'zod';

const lowerFirst = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

/**
 * A ZodError in the words AWS's query services use for a request that breaks the API model:
 * `1 validation error detected: Value null at 'roleName' failed to satisfy constraint: Member must not be null`.
 */
export function validationMessage(error: ZodError, input: Record<string, unknown>): string {
  const parts = error.issues.map((issue) => {
    const name = String(issue.path[0] ?? '');
    const value = input[name];
    const shown = value === undefined ? 'null' : `'${Array.isArray(value) ? `[${value.join(', ')}]` : String(value)}'`;
    const constraint = value === undefined ? 'Member must not be null' : issue.message;
    return `Value ${shown} at '${lowerFirst(name)}' failed to satisfy constraint: ${constraint}`;
  });
  return `${parts.length} validation error${parts.length === 1 ? '' : 's'} detected: ${parts.join('; ')}`;
}
