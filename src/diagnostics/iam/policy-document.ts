/** One statement of an IAM policy, its lists normalised (`"s3:GetObject"` → `["s3:GetObject"]`). */
export interface PolicyStatement {
  sid: string | null;
  effect: 'Allow' | 'Deny';
  actions: string[];
  /** Set for a `NotAction` statement: it allows everything but these. */
  notActions: string[] | null;
  resources: string[];
  /** Set for a `NotResource` statement: it applies to everything but these. */
  notResources: string[] | null;
  hasCondition: boolean;
}

/** Raised for a policy document that is not an IAM policy; names the policy and what was wrong. */
export class PolicyDocumentError extends Error {
  override name = 'PolicyDocumentError';
  constructor(readonly policy: string, readonly problem: string) {
    super(`Unexpected policy document of ${policy}: ${problem}, expected {"Version": …, "Statement": [{"Effect", "Action", "Resource"}]}`);
  }
}

const strings = (value: unknown, where: string, policy: string): string[] => {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || !list.every((entry) => typeof entry === 'string')) throw new PolicyDocumentError(policy, `${where} is ${JSON.stringify(value)}, not a string or a list of strings`);
  return list as string[];
};

/**
 * Reads a policy document as IAM's API returns it (`GetRolePolicy`, `GetPolicyVersion`: URL-encoded JSON; a plain JSON
 * string is read too) into its statements.
 */
export function readPolicyDocument(document: string, policy: string): PolicyStatement[] {
  let parsed: unknown;
  const text = document.trimStart().startsWith('{') ? document : safeDecode(document, policy);
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new PolicyDocumentError(policy, 'it is not JSON');
  }
  const raw = (parsed as { Statement?: unknown } | null)?.Statement;
  const statements = Array.isArray(raw) ? raw : raw && typeof raw === 'object' ? [raw] : null;
  if (!statements) throw new PolicyDocumentError(policy, 'it has no Statement');
  return statements.map((statement: Record<string, unknown>, index) => {
    const where = `Statement[${index}]`;
    if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny') throw new PolicyDocumentError(policy, `${where}.Effect is ${JSON.stringify(statement.Effect)}, not Allow or Deny`);
    if (statement.Action === undefined && statement.NotAction === undefined) throw new PolicyDocumentError(policy, `${where} has neither Action nor NotAction`);
    return {
      sid: typeof statement.Sid === 'string' ? statement.Sid : null,
      effect: statement.Effect,
      actions: statement.Action === undefined ? [] : strings(statement.Action, `${where}.Action`, policy),
      notActions: statement.NotAction === undefined ? null : strings(statement.NotAction, `${where}.NotAction`, policy),
      resources: statement.Resource === undefined ? [] : strings(statement.Resource, `${where}.Resource`, policy),
      notResources: statement.NotResource === undefined ? null : strings(statement.NotResource, `${where}.NotResource`, policy),
      hasCondition: statement.Condition !== undefined,
    };
  });
}

function safeDecode(document: string, policy: string): string {
  try {
    return decodeURIComponent(document);
  } catch {
    throw new PolicyDocumentError(policy, 'it is not URL-encoded JSON');
  }
}
