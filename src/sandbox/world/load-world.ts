import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { faultSchema } from '../faults/schema';
import { briefingSchema } from './briefing';
import { mergePatch } from './merge-patch';
import { resolveRelativeTimes } from './relative-time';

/** The folder that holds the shipped worlds, one folder per world. */
export const worldsDir = path.join(__dirname, '..', 'worlds');

const worldHeaderSchema = z.strictObject({
  description: z.string().min(1),
  /** The world this one patches, section by section (JSON merge patch). */
  extends: z.string().min(1).optional(),
  /** For drills: which steps should fail in this world. Never read by the sandbox's services. */
  expect: z.record(z.string(), z.enum(['pass', 'fail', 'warn', 'skip'])).optional(),
  /** Faults the sandbox injects while this world is loaded (latency, broken answers); not inherited by worlds that extend it. */
  faults: z.array(faultSchema).optional(),
  /** For drills: the alert, difficulty, starting tool and hints a trainee gets. Never read by the sandbox's services. */
  briefing: briefingSchema.optional(),
});

/** A world's header: what it stages, what it extends. */
export type WorldHeader = z.infer<typeof worldHeaderSchema>;

/** A loaded world: its header and one JSON section per service, relative times resolved. */
export interface World {
  name: string;
  header: WorldHeader;
  sections: Record<string, unknown>;
}

/** Raised for an unknown or malformed world; names the file and the problem. */
export class WorldError extends Error {
  override name = 'WorldError';
}

/** The names of the worlds in a folder, sorted. */
export function listWorlds(dir = worldsDir): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, 'world.json')))
    .map((entry) => entry.name)
    .sort();
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new WorldError(`${file}: ${(error as Error).message}`, { cause: error });
  }
}

/** Reads and validates a world's header (its world.json) without loading its sections. */
export function readWorldHeader(name: string, dir = worldsDir): WorldHeader {
  const folder = path.join(dir, name);
  if (!/^[\w-]+$/.test(name) || !existsSync(path.join(folder, 'world.json'))) {
    throw new WorldError(`Unknown world "${name}", expected one of: ${listWorlds(dir).join(', ')}`);
  }
  const parsed = worldHeaderSchema.safeParse(readJson(path.join(folder, 'world.json')));
  if (!parsed.success) {
    throw new WorldError(`${path.join(folder, 'world.json')}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}

function loadRaw(name: string, dir: string, seen: string[]): { header: WorldHeader; sections: Record<string, unknown> } {
  if (seen.includes(name)) throw new WorldError(`World "${name}" extends itself: ${[...seen, name].join(' → ')}`);
  const header = readWorldHeader(name, dir);
  const folder = path.join(dir, name);
  const base = header.extends ? loadRaw(header.extends, dir, [...seen, name]).sections : {};
  const sections: Record<string, unknown> = { ...base };
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.json') && f !== 'world.json').sort()) {
    const section = file.replace(/\.json$/, '');
    sections[section] = mergePatch(base[section], readJson(path.join(folder, file)));
  }
  return { header, sections };
}

/** Loads a world by name, applying what it extends, with relative times resolved against `now`. */
export function loadWorld(name: string, now: Date, dir = worldsDir): World {
  const { header, sections } = loadRaw(name, dir, []);
  return { name, header, sections: resolveRelativeTimes(sections, now) as Record<string, unknown> };
}
