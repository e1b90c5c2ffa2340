import type { RunReport } from '../model';
import { buildJsonReport } from './json';
import { buildJunitXml } from './junit';
import { buildMarkdownReport } from './markdown';
import type { Screen } from './screen';
import { buildTerminalReport } from './terminal';

/** A report format: its pure builder, and the file it writes in `--output-dir` (none for the terminal). */
export interface ReporterSpec {
  file: string | null;
  build(report: RunReport, screen: Screen): string;
}

/** Every report format `--reporter` accepts. */
export const reporters = {
  terminal: { file: null, build: (report, screen) => buildTerminalReport(report, screen) },
  json: { file: 'results.json', build: (report) => buildJsonReport(report) },
  junit: { file: 'junit.xml', build: (report) => buildJunitXml(report) },
  markdown: { file: 'report.md', build: (report) => buildMarkdownReport(report) },
} satisfies Record<string, ReporterSpec>;

/** One of `terminal`, `json`, `junit`, `markdown`. */
export type ReporterName = keyof typeof reporters;

/** The reporter names, in the order `--help` lists them. */
export const reporterNames = Object.keys(reporters) as ReporterName[];
