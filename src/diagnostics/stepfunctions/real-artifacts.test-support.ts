import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** `../shared/real/` next to the project root: artifacts written by real tools, absent from a user's clone. */
export const realDir = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'real');

/** True when the real artifacts are there; tests that need them skip otherwise. */
export const hasRealArtifacts = existsSync(realDir);

/** Why the tests that read real artifacts were skipped. */
export const realArtifactsSkipMessage = `skipped: ${realDir} (the shared real artifacts) is absent`;

/** Reads a real artifact as text. */
export function readReal(file: string): string {
  return readFileSync(path.join(realDir, file), 'utf8');
}

/** Reads a real artifact as bytes (archives). */
export function readRealBytes(file: string): Buffer {
  return readFileSync(path.join(realDir, file));
}

/** Reads a real artifact as JSON. */
export function readRealJson<T = unknown>(file: string): T {
  return JSON.parse(readReal(file)) as T;
}
