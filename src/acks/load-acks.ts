import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Document } from 'yaml';
import { formatPosition, type SourcePosition } from '../model';
import { yamlPlace } from '../util/yaml-place';
import { acknowledgementsFileSchema } from './schema';

/** The reviewed acknowledgements file, relative to the project root. */
export const acknowledgementsFile = 'runbook.acks.yaml';

/** One acknowledgement, read and checked: which step, where, why, whose, until when, and where it is written. */
export interface AcknowledgementEntry {
  step: string;
  environment: string | null;
  reason: string;
  owner: string;
  expires: Date;
  source: SourcePosition;
}

/** The acknowledgements file cannot be used: every problem, each as `file:line:column: message`. */
export class AcknowledgementsFileError extends Error {
  override name = 'AcknowledgementsFileError';
  constructor(readonly problems: string[]) {
    super(`The acknowledgements file has problems:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

/**
 * Whether a YAML text acknowledges nothing in one of the two forms that say so plainly: comments and blank lines
 * alone (an empty document), or those and `acknowledgements: []` (the committed file). Any other text is parsed.
 */
const acknowledgesNothing = (text: string): boolean => {
  const content = text.split('\n').filter((line) => !/^\s*(?:#.*)?$/.test(line));
  return content.length === 0 || (content.length === 1 && /^acknowledgements:[ \t]*\[[ \t]*\][ \t]*(?:#.*)?\r?$/.test(content[0]!));
};

const expiryOf = (value: string): Date => new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00.000Z` : value);

/**
 * Reads `runbook.acks.yaml` under `root` (none means no acknowledgements) and checks every entry: its
 * shape, that it names a step of the runbook, and that no step is acknowledged twice for one environment.
 */
export function loadAcknowledgements(root: string, knownSteps: ReadonlySet<string>, file = acknowledgementsFile): AcknowledgementEntry[] {
  let text: string;
  try {
    text = readFileSync(path.resolve(root, file), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new AcknowledgementsFileError([`${file}: ${(error as Error).message}`]);
  }
  // A file that acknowledges nothing (the committed one, until something is) is read without loading the YAML library.
  if (acknowledgesNothing(text)) return [];
  const { parseDocument, LineCounter } = require('yaml') as typeof import('yaml');
  const lineCounter = new LineCounter();
  const document: Document = parseDocument(text, { lineCounter, prettyErrors: false });
  const at = (line: number, column: number): SourcePosition => ({ file, line, column });
  if (document.errors.length > 0) {
    throw new AcknowledgementsFileError(document.errors.map((e) => `${formatPosition(at(e.linePos?.[0].line ?? 1, e.linePos?.[0].col ?? 1))}: unreadable YAML: ${e.message.split('\n')[0]}`));
  }
  const placeOf = (keys: readonly PropertyKey[]): SourcePosition => {
    const place = yamlPlace(document, keys, lineCounter);
    return place ? at(place.line, place.col) : at(1, 1);
  };
  const parsed = acknowledgementsFileSchema().safeParse(document.toJS() ?? {});
  if (!parsed.success) {
    throw new AcknowledgementsFileError(
      parsed.error.issues.map((issue) => `${formatPosition(placeOf(issue.path))}: unexpected ${issue.path.join('.') || 'document'}: ${issue.message}; an entry has step, reason, owner, expires (YYYY-MM-DD) and optionally environment`),
    );
  }
  const problems: string[] = [];
  const seen = new Map<string, SourcePosition>();
  const entries = parsed.data.acknowledgements.map((raw, index): AcknowledgementEntry => {
    const source = placeOf(['acknowledgements', index]);
    if (!knownSteps.has(raw.step)) problems.push(`${formatPosition(placeOf(['acknowledgements', index, 'step']))}: unknown step "${raw.step}": acknowledge a step of the runbook (npm run check -- --list)`);
    const key = `${raw.step}@${raw.environment ?? '*'}`;
    const first = seen.get(key);
    if (first) problems.push(`${formatPosition(source)}: step ${raw.step} is acknowledged twice${raw.environment ? ` for ${raw.environment}` : ''}; first at ${formatPosition(first)}`);
    else seen.set(key, source);
    return { step: raw.step, environment: raw.environment ?? null, reason: raw.reason, owner: raw.owner, expires: expiryOf(raw.expires), source };
  });
  if (problems.length > 0) throw new AcknowledgementsFileError(problems);
  return entries;
}
