import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseRunbook } from '../../src/parser';
import { defaultLayout, listCheckModules } from '../../src/parser/load';
import { parseMarkdown } from '../../src/parser/markdown';
import { performance } from 'node:perf_hooks';
import { summarize, timeRuns, type Timing } from './measure';

/** The parser on the project runbook (against a bare remark parse) and on generated runbooks 10× apart in size. */
export interface ParserFigures {
  bareRemark: Timing;
  projectRunbook: Timing;
  generated: Array<{ scenarios: number; steps: number; bytes: number; time: Timing }>;
  /** Time of 10× the input over time of the input: at most 12 keeps the parser near linear. */
  scaling: { ratio: number; target: number };
}

/** A runbook of `scenarios` scenarios of `steps` action steps each, every step linking a real check. */
export function generatedRunbook(scenarios: number, steps: number, checks: readonly string[]): string {
  const out = ['# Generated runbook', ''];
  for (let s = 1; s <= scenarios; s++) {
    out.push(`### 7.${s} Generated scenario ${s}`, '', 'Actions:', '');
    for (let i = 1; i <= steps; i++) out.push(`${i}. [Step ${i} of scenario ${s}](../${checks[(s + i) % checks.length]})`);
    out.push('');
  }
  return out.join('\n');
}

/** Times the parser: the project runbook, then 100 and 1,000 generated scenarios of 5 steps. */
export async function parserFigures(root: string): Promise<ParserFigures> {
  const text = readFileSync(path.join(root, 'docs', 'runbook.md'), 'utf8');
  const modules = await listCheckModules(defaultLayout(root));
  const bareRemark = await timeRuns(30, () => parseMarkdown(text));
  const projectRunbook = await timeRuns(30, () => parseRunbook([{ file: 'docs/runbook.md', text }], modules));
  // The two sizes are timed turn about, so the machine's load falls on both alike.
  const sizes = [100, 1_000].map((scenarios) => ({ scenarios, doc: generatedRunbook(scenarios, 5, modules), times: [] as number[] }));
  for (let run = -1; run < 5; run++) {
    for (const size of sizes) {
      const started = performance.now();
      const parsed = parseRunbook([{ file: 'docs/generated.md', text: size.doc }], modules);
      if (run >= 0) size.times.push(performance.now() - started);
      if (parsed.runbook.scenarios.length !== size.scenarios) throw new Error(`the generated runbook parsed into ${parsed.runbook.scenarios.length} scenarios, expected ${size.scenarios}`);
    }
  }
  const generated = sizes.map((size) => ({ scenarios: size.scenarios, steps: size.scenarios * 5, bytes: Buffer.byteLength(size.doc), time: summarize(size.times) }));
  return { bareRemark, projectRunbook, generated, scaling: { ratio: generated[1]!.time.medianMs / generated[0]!.time.medianMs, target: 12 } };
}
