/**
 * Imported by the sandbox thread before any module that builds a schema. The thread validates one world, once: zod's
 * compiled fast path for each schema costs more to build than the one parse saves. zod reads the setting when a schema
 * is built, not when it parses, so it must be set before the states' modules build theirs at load.
 */
import { config as configureZod } from 'zod';

configureZod({ jitless: true });
