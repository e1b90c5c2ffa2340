import type { ResourceChange } from './read-plan';

/** Which resources must not be destroyed: by type, or by address pattern (`*` matches anything). */
export interface ProtectionPolicy {
  types: readonly string[];
  addresses: readonly string[];
}

/** A planned delete or replace of a protected resource, and why it is protected and planned. */
export interface ProtectedDestroy {
  address: string;
  type: string;
  action: 'delete' | 'replace';
  replaceOrder?: 'delete-first' | 'create-first';
  /** Why Terraform plans it (`action_reason`), or `not given`. */
  planReason: string;
  /** Attributes that force a replace. */
  replacePaths: string[];
  /** Why the policy protects it: `type aws_s3_bucket` or `address module.data.*`. */
  protectedBy: string;
}

/** True when an address matches a pattern where `*` stands for any characters. */
export function addressMatches(address: string, pattern: string): boolean {
  const source = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${source}$`).test(address);
}

/** Every managed resource the plan deletes or replaces that the policy protects. */
export function protectedDestroys(changes: readonly ResourceChange[], policy: ProtectionPolicy): ProtectedDestroy[] {
  const found: ProtectedDestroy[] = [];
  for (const change of changes) {
    if (change.mode !== 'managed' || (change.action !== 'delete' && change.action !== 'replace')) continue;
    const pattern = policy.addresses.find((p) => addressMatches(change.address, p));
    const protectedBy = policy.types.includes(change.type) ? `type ${change.type}` : pattern ? `address ${pattern}` : null;
    if (!protectedBy) continue;
    found.push({
      address: change.address,
      type: change.type,
      action: change.action,
      ...(change.replaceOrder ? { replaceOrder: change.replaceOrder } : {}),
      planReason: change.reason ?? 'not given',
      replacePaths: change.replacePaths ?? [],
      protectedBy,
    });
  }
  return found;
}
