import type { Root } from 'mdast';
import YAML from 'yaml';
import { z } from 'zod';
import { severities, type Diagnostic, type Severity } from '../model';
import { positionOf } from './positions';

const frontMatterSchema = z.looseObject({
  scenarios: z.record(z.string().regex(/^\d+\.\d+$/), z.strictObject({ severity: z.enum(severities).optional() })).optional(),
});

/** What the runbook's front matter says about scenarios: their severity. */
export interface RunbookFrontMatter {
  severityOf: Map<string, Severity>;
}

/** Reads and validates the YAML front matter of a runbook document, reporting problems as diagnostics. */
export function readFrontMatter(tree: Root, file: string, diagnostics: Diagnostic[]): RunbookFrontMatter {
  const severityOf = new Map<string, Severity>();
  const node = tree.children.find((child) => child.type === 'yaml');
  if (!node || node.type !== 'yaml') return { severityOf };
  const position = positionOf(node, file);
  let data: unknown;
  try {
    data = YAML.parse(node.value) ?? {};
  } catch (error) {
    diagnostics.push({ severity: 'error', rule: 'front-matter', message: `Unreadable front matter: ${(error as Error).message}`, position });
    return { severityOf };
  }
  const parsed = frontMatterSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      diagnostics.push({
        severity: 'error',
        rule: 'front-matter',
        message: `Unexpected front matter at ${issue.path.join('.') || '(root)'}: ${issue.message}; severity is one of ${severities.join(', ')}`,
        position,
      });
    }
    return { severityOf };
  }
  for (const [id, entry] of Object.entries(parsed.data.scenarios ?? {})) {
    if (entry.severity) severityOf.set(id, entry.severity);
  }
  return { severityOf };
}
