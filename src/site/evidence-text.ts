import type { JsonValue } from '../model';
import { inlineValue } from '../reporters/evidence-text';

/** Formats an evidence value as plain text, in the terminal report's words; a list of objects gets a line per item. */
export function evidenceText(value: JsonValue): string {
  if (Array.isArray(value) && value.some((item) => typeof item === 'object' && item !== null)) {
    return value.map((item) => `- ${inlineValue(item)}`).join('\n');
  }
  return inlineValue(value);
}
