import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import projectConfig from '../../runbook.config';
import { root } from '../../test/support/project';
import { validateConfig } from '../config';
import { buildDrillPages, buildHealthyPages } from './pages';

const committed = (file: string) => readFileSync(path.join(root, file), 'utf8');

describe('the course pages', () => {
  it('list every drill with its start command and keep drills.md as generated (npm run docs:onboarding)', () => {
    const [[file, page]] = [...buildDrillPages()] as [[string, string]];
    expect(page.match(/^npm run drill -- \S+ --write-env/gm)).toHaveLength(20);
    expect(committed(file)).toBe(page);
  });

  it('show each scenario on the healthy world as a real run reports it, and are committed as generated', async () => {
    const pages = await buildHealthyPages(root, { config: validateConfig(projectConfig), loadModule: (file) => import(file) });
    expect(pages.size).toBe(9); // scenarios 3.1 to 3.6, and the posture sections 5, 6 and 7
    for (const [file, page] of pages) {
      expect(page).toMatch(/\| \*\*pass\*\* \|/);
      expect(page).not.toMatch(/127\.0\.0\.1:\d+|runbook-sandbox-dbt-/);
      expect(committed(file), `${file} is stale: run npm run docs:onboarding`).toBe(page);
    }
  }, 120_000);
});
