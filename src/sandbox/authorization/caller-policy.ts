import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { policyDocumentSchema, type PolicyDocument } from '../iam/state';
import { CallerPolicyError } from './caller-policy-error';

export { CallerPolicyError } from './caller-policy-error';

/**
 * An issue in words, `Statement.0.Effect: …`: for a union (a statement as an object or an array) the words of the branch
 * that matched the document furthest, rather than zod's "Invalid input".
 */
function issueWords(issue: z.core.$ZodIssue, prefix: PropertyKey[] = []): string[] {
  const at = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors.length) {
    const depth = (branch: z.core.$ZodIssue[]) => Math.max(...branch.map((i) => i.path.length));
    const deepest = issue.errors.reduce((best, branch) => (depth(branch) > depth(best) ? branch : best));
    return deepest.flatMap((inner) => issueWords(inner, at));
  }
  return [`${at.map(String).join('.') || '(document)'}: ${issue.message}`];
}

/** Validates a caller policy (an IAM identity-based policy document: `Statement` an object or an array) from `where`. */
export function parseCallerPolicy(value: unknown, where: string): PolicyDocument {
  const parsed = policyDocumentSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.flatMap((issue) => issueWords(issue)).join('; ');
  throw new CallerPolicyError(`Unexpected caller policy in ${where}: ${issues}; expected an IAM policy document {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": […], "Resource": […]}]}`);
}

/** Reads a caller policy from a JSON file (`--caller-policy FILE`), naming the file in any error. */
export function readCallerPolicyFile(file: string): PolicyDocument {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CallerPolicyError(`Cannot read the caller policy file ${file}: ${(error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CallerPolicyError(`Unexpected caller policy file ${file}: not JSON (${(error as Error).message}); expected an IAM policy document`);
  }
  return parseCallerPolicy(value, file);
}
