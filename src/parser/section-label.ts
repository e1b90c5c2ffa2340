import type { Paragraph } from 'mdast';
import type { StepRole } from '../model';
import { plainText } from './node-text';

const roleByLabel: Record<string, StepRole> = {
  symptoms: 'symptom',
  symptom: 'symptom',
  actions: 'action',
  action: 'action',
  'common causes': 'cause',
  causes: 'cause',
  check: 'check',
  checks: 'check',
};

/** The labels that open a list of steps, as the runbook writes them. */
export const knownLabels = ['Symptoms:', 'Actions:', 'Common Causes:', 'Check:'];

/**
 * Reads a label paragraph such as `Actions:`: the role of the list that follows it,
 * `note` for any other label (`Important:`), or null when the paragraph is not a label.
 */
export function readSectionLabel(paragraph: Paragraph): StepRole | null {
  const text = plainText(paragraph);
  const match = /^([A-Za-z][A-Za-z ]{0,40}):$/.exec(text);
  if (!match) return null;
  return roleByLabel[match[1]!.toLowerCase()] ?? 'note';
}
