import { describe, expect, it } from 'vitest';
import { planOutputs, ReporterOptionError } from './output-plan';

describe('planOutputs', () => {
  it('prints the terminal report by default, and the JSON document instead with --json', () => {
    expect(planOutputs({})).toEqual({ stdout: 'terminal', files: [] });
    expect(planOutputs({ json: true })).toEqual({ stdout: 'json', files: [] });
  });

  it('with --output-dir writes every listed report but the terminal as its file, and keeps the terminal on standard output', () => {
    expect(planOutputs({ reporter: 'terminal,json,junit,markdown', outputDir: 'reports' })).toEqual({
      stdout: 'terminal',
      files: [
        { reporter: 'json', file: 'reports/results.json', option: '--output-dir' },
        { reporter: 'junit', file: 'reports/junit.xml', option: '--output-dir' },
        { reporter: 'markdown', file: 'reports/report.md', option: '--output-dir' },
      ],
    });
    expect(planOutputs({ reporter: 'junit', outputDir: 'out' })).toEqual({ stdout: null, files: [{ reporter: 'junit', file: 'out/junit.xml', option: '--output-dir' }] });
  });

  it('prints a single listed report without --output-dir, and keeps --junit FILE and --markdown FILE', () => {
    expect(planOutputs({ reporter: 'junit' })).toEqual({ stdout: 'junit', files: [] });
    expect(planOutputs({ junit: 'a.xml', markdown: 'b.md' })).toEqual({ stdout: 'terminal', files: [{ reporter: 'junit', file: 'a.xml', option: '--junit' }, { reporter: 'markdown', file: 'b.md', option: '--markdown' }] });
    expect(planOutputs({ json: true, reporter: 'junit', outputDir: 'out' })).toEqual({ stdout: 'json', files: [{ reporter: 'junit', file: 'out/junit.xml', option: '--output-dir' }] });
  });

  it('rejects an unknown reporter, listing the valid ones', () => {
    expect(() => planOutputs({ reporter: 'terminal,html' })).toThrow(new ReporterOptionError('Unknown reporter "html" in --reporter terminal,html, expected one or more of: terminal, json, junit, markdown (comma-separated)'));
    expect(() => planOutputs({ reporter: ' , ' })).toThrow(ReporterOptionError);
  });

  it('rejects two reports on standard output', () => {
    expect(() => planOutputs({ reporter: 'terminal,json' })).toThrow(/only one report can print to standard output; give --output-dir DIR/);
    expect(() => planOutputs({ reporter: 'terminal', json: true })).toThrow(/--json prints the JSON document where the terminal report goes/);
  });
});
