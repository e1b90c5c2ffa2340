import { createSlugger } from '@docusaurus/utils';
import type { Root } from 'mdast';
import { severities, type Severity } from '../model';
import { plainText } from '../parser/node-text';

/** What the runbook's severity section says of each level, and the id of that section's heading. */
export interface SeverityGuidelines {
  describe: Map<Severity, string>;
  anchor: string | null;
}

const level = new RegExp(`^(${severities.join('|')}):\\s*(\\S.*)$`, 'i');

/** Reads the "Incident Severity Guidelines" section (`- High: Glue or Step Functions failure…`) of a runbook tree. */
export function readSeverityGuidelines(tree: Root): SeverityGuidelines {
  const describe = new Map<Severity, string>();
  const start = tree.children.findIndex((node) => node.type === 'heading' && node.depth === 2 && /severity/i.test(plainText(node)));
  if (start < 0) return { describe, anchor: null };
  for (const node of tree.children.slice(start + 1)) {
    if (node.type === 'heading' && node.depth <= 2) break;
    if (node.type !== 'list') continue;
    for (const item of node.children) {
      const match = level.exec(plainText(item));
      if (match) describe.set(match[1]!.toLowerCase() as Severity, match[2]!);
    }
  }
  return { describe, anchor: createSlugger().slug(plainText(tree.children[start]!)) };
}
