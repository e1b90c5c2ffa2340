import type { Heading } from 'mdast';
import { plainText } from './node-text';

/**
 * The depth of the headings that open failure scenarios (`### 3.3 Title`). Under a numbered section
 * (`## 3. …`) every such heading must be one; elsewhere only headings that start with a number are read.
 */
export const scenarioHeadingDepth = 3;

const scenarioHeading = /^(\d+\.\d+)\s+(\S.*)$/;

/** Reads `3.3 Snowflake External Table Not Updating` into an id and a title, or null when it is not one. */
export function readScenarioHeading(heading: Heading): { id: string; title: string } | null {
  const match = scenarioHeading.exec(plainText(heading));
  return match ? { id: match[1]!, title: match[2]! } : null;
}
