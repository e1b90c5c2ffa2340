import { destroysObject, type ReplaceOrder, type ResourceChange } from './resource-change';
import { wildcardRegExp } from '../../util/wildcard';

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
  replaceOrder?: ReplaceOrder;
  /** Why Terraform plans it (`action_reason`), or `not given`. */
  planReason: string;
  /** Attributes that force a replace. */
  replacePaths: string[];
  /** Why the policy protects it: `type aws_s3_bucket` or `address module.data.*`. */
  protectedBy: string;
}

/** True when an address matches a pattern where `*` stands for any characters. */
export function addressMatches(address: string, pattern: string): boolean {
  return wildcardRegExp(pattern).test(address);
}

/** Why the policy protects a managed resource (`type aws_s3_bucket`, `address module.data.*`), or null when it does not. */
export function protectionOf(change: Pick<ResourceChange, 'address' | 'type' | 'mode'>, policy: ProtectionPolicy): string | null {
  if (change.mode !== 'managed') return null;
  if (policy.types.includes(change.type)) return `type ${change.type}`;
  const pattern = policy.addresses.find((p) => addressMatches(change.address, p));
  return pattern ? `address ${pattern}` : null;
}

/** Every managed resource the plan deletes or replaces that the policy protects. */
export function protectedDestroys(changes: readonly ResourceChange[], policy: ProtectionPolicy): ProtectedDestroy[] {
  const found: ProtectedDestroy[] = [];
  for (const change of changes) {
    const protectedBy = protectionOf(change, policy);
    if (!protectedBy || !destroysObject(change)) continue;
    found.push({
      address: change.address,
      type: change.type,
      action: change.action === 'replace' ? 'replace' : 'delete',
      ...(change.replaceOrder ? { replaceOrder: change.replaceOrder } : {}),
      planReason: change.reason ?? 'not given',
      replacePaths: change.replacePaths ?? [],
      protectedBy,
    });
  }
  return found;
}
