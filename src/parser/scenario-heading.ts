import type { Heading } from 'mdast';
import { plainText } from './node-text';

/**
 * The depth of the headings that open failure scenarios (`### 3.3 Title`). Under a numbered section
 * (`## 3. …`) every such heading must be one; elsewhere only headings that start with a number are read.
 */
export const scenarioHeadingDepth = 3;

/** The depth of numbered section headings (`## 5. Recovery Strategy`); a posture section is a scenario of its own. */
export const sectionHeadingDepth = 2;

const scenarioHeading = /^(\d+\.\d+)\s+(\S.*)$/;
const sectionHeading = /^(\d+)\.\s+(\S.*)$/;

/** Reads `3.3 Snowflake External Table Not Updating` into an id and a title, or null when it is not one. */
export function readScenarioHeading(heading: Heading): { id: string; title: string } | null {
  const match = scenarioHeading.exec(plainText(heading));
  return match ? { id: match[1]!, title: match[2]! } : null;
}

/** Reads a numbered section heading, `5. Recovery Strategy`, into its number (`5`) and title, or null. */
export function readSectionHeading(heading: Heading): { id: string; title: string } | null {
  const match = sectionHeading.exec(plainText(heading));
  return match ? { id: match[1]!, title: match[2]! } : null;
}

/**
 * The scenario id a heading opens, for the site: a `###` scenario heading's (`3.3`), or a numbered `##`
 * section's (`5`), which is a scenario only when the runbook makes it one (its posture sections).
 */
export function headingScenarioId(heading: Heading): string | null {
  if (heading.depth === scenarioHeadingDepth) return readScenarioHeading(heading)?.id ?? null;
  if (heading.depth === sectionHeadingDepth) return readSectionHeading(heading)?.id ?? null;
  return null;
}
