import type { Root } from 'mdast';
import YAML, { LineCounter, YAMLParseError, type Document } from 'yaml';
import { z } from 'zod';
import { severities, type Diagnostic, type Severity } from '../model';
import { yamlPlace } from '../util/yaml-place';
import { positionOf } from './positions';

const frontMatterSchema = z.looseObject({
  scenarios: z.record(z.string().regex(/^\d+(?:\.\d+)?$/), z.strictObject({ severity: z.enum(severities).optional() })).optional(),
  /** The numbered `##` sections whose bullets are steps (`['5', '6', '7']`): each section is a scenario, each bullet an action. */
  postureSections: z.array(z.string().regex(/^\d+$/, 'expected a section number such as 5')).optional(),
});

/** What the runbook's front matter says about scenarios: their severity, and which numbered sections are scenarios. */
export interface RunbookFrontMatter {
  severityOf: Map<string, Severity>;
  /** The numbers of the posture sections (`5`): sections whose bullets are checked steps. */
  postureSections: Set<string>;
}

/** Reads and validates the YAML front matter of a runbook document, reporting problems as diagnostics. */
export function readFrontMatter(tree: Root, file: string, diagnostics: Diagnostic[]): RunbookFrontMatter {
  const severityOf = new Map<string, Severity>();
  const postureSections = new Set<string>();
  const node = tree.children.find((child) => child.type === 'yaml');
  if (!node || node.type !== 'yaml') return { severityOf, postureSections };
  const position = positionOf(node, file);
  // The YAML text starts on the line after the opening `---`.
  const at = (line: number, column: number) => ({ file, line: position.line + line, column });
  const placeAt = (place: { line: number; col: number } | null) => (place ? at(place.line, place.col) : null);
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
    return { severityOf, postureSections };
  }
  const parsed = frontMatterSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      diagnostics.push({
        severity: 'error',
        rule: 'front-matter',
        message: `Unexpected front matter at ${issue.path.join('.') || '(root)'}: ${issue.message}${issue.path.includes('severity') ? `; severity is one of ${severities.join(', ')}` : ''}`,
        position: placeAt(yamlPlace(document, issue.path, lineCounter)) ?? position,
      });
    }
    return { severityOf, postureSections };
  }
  for (const [id, entry] of Object.entries(parsed.data.scenarios ?? {})) {
    if (entry.severity) severityOf.set(id, entry.severity);
  }
  for (const section of parsed.data.postureSections ?? []) postureSections.add(section);
  return { severityOf, postureSections };
}
