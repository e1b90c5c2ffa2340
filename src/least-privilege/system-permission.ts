/** What one operation of a non-AWS system needs: the permission, and whether it changes something. */
export interface SystemPermission {
  /** The permission in the system's own terms (`Actions: read`, `can read on Task Logs`, `USAGE ON WAREHOUSE`). */
  needs: readonly string[];
  write?: boolean;
}

/** A system's permissions for a set of operations: read and remediation, and the operations it does not know. */
export interface SystemGrants {
  read: string[];
  remediation: string[];
  unmapped: string[];
}

/** Collects the permissions that a table gives for the operations of one system (`github:ListWorkflowRuns` → `Actions: read`). */
export function collectPermissions(entries: readonly string[], system: string, table: Record<string, SystemPermission>): { read: Set<string>; write: Set<string>; unmapped: string[] } {
  const read = new Set<string>();
  const write = new Set<string>();
  const unmapped: string[] = [];
  for (const entry of entries) {
    const [name, ...rest] = entry.split(':');
    if (name !== system) continue;
    const spec = table[rest.join(':')];
    if (!spec) unmapped.push(entry);
    else for (const need of spec.needs) (spec.write ? write : read).add(need);
  }
  return { read, write, unmapped };
}
