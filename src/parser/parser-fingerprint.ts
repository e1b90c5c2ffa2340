import { codeFingerprint } from '../util/code-fingerprint';

/**
 * A hash of the code the runbook parser runs (every module reachable from src/parser/index.ts, and the installed
 * packages): an edit to the parser, the model it builds, or an upgraded Markdown library gives another hash, so a
 * cached model it built is never used again. `codeRoot` is the project's own code unless a test gives a copy.
 */
export function parserFingerprint(codeRoot?: string): string {
  return codeFingerprint('src/parser/index.ts', codeRoot);
}
