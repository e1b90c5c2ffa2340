import type { Root } from 'mdast';
import YAML, { LineCounter, YAMLParseError, type Document } from 'yaml';
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

/** The place of the YAML node at `path` (or of its nearest existing parent), in file lines. */
function placeOf(
  document: Document,
  path: readonly PropertyKey[],
  lineCounter: LineCounter,
  at: (line: number, column: number) => { file: string; line: number; column: number },
) {
  for (let length = path.length; length > 0; length--) {
    const found = document.getIn(path.slice(0, length).map(String), true) as { range?: [number, number, number] } | undefined;
    if (found?.range) {
      const { line, col } = lineCounter.linePos(found.range[0]);
      return at(line, col);
    }
  }
  return null;
}

/** Reads and validates the YAML front matter of a runbook document, reporting problems as diagnostics. */
export function readFrontMatter(tree: Root, file: string, diagnostics: Diagnostic[]): RunbookFrontMatter {
  const severityOf = new Map<string, Severity>();
  const node = tree.children.find((child) => child.type === 'yaml');
  if (!node || node.type !== 'yaml') return { severityOf };
  const position = positionOf(node, file);
  // The YAML text starts on the line after the opening `---`.
  const at = (line: number, column: number) => ({ file, line: position.line + line, column });
  const lineCounter = new LineCounter();
  let document: Document;
  let data: unknown;
  try {
    document = YAML.parseDocument(node.value, { lineCounter, prettyErrors: true });
    if (document.errors[0]) throw document.errors[0];
    data = document.toJS() ?? {};
  } catch (error) {
    const place = error instanceof YAMLParseError && error.linePos ? at(error.linePos[0].line, error.linePos[0].col) : position;
    diagnostics.push({ severity: 'error', rule: 'front-matter', message: `Unreadable front matter: ${(error as Error).message.split('\n')[0]}`, position: place });
    return { severityOf };
  }
  const parsed = frontMatterSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      diagnostics.push({
        severity: 'error',
        rule: 'front-matter',
        message: `Unexpected front matter at ${issue.path.join('.') || '(root)'}: ${issue.message}; severity is one of ${severities.join(', ')}`,
        position: placeOf(document, issue.path, lineCounter, at) ?? position,
      });
    }
    return { severityOf };
  }
  for (const [id, entry] of Object.entries(parsed.data.scenarios ?? {})) {
    if (entry.severity) severityOf.set(id, entry.severity);
  }
  return { severityOf };
}
