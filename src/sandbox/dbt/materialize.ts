import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { yamlText } from '../../util/yaml-text';
import { buildManifest } from './manifest-writer';
import { buildRunResults, buildSources } from './run-results-writer';
import type { DbtSection } from './state';

/** A dbt project written to disk for one world: the directory the checks read as the configured project. */
export interface MaterializedProject {
  projectDir: string;
  /** Removes the directory. */
  remove(): void;
}

function write(root: string, relative: string, text: string): void {
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function schemaYml(section: DbtSection, folder: string): string {
  const models = Object.entries(section.models)
    .filter(([, model]) => model.folder === folder)
    .map(([name]) => {
      const columns = new Map<string, unknown[]>();
      for (const test of Object.values(section.tests).filter((t) => t.model === name)) {
        const list = columns.get(test.column) ?? [];
        if (test.test === 'relationships') list.push({ relationships: { to: `ref('${test.to}')`, field: test.field } });
        else if (test.test === 'accepted_values') list.push({ accepted_values: { values: test.values } });
        else list.push(test.test);
        columns.set(test.column, list);
      }
      return { name, columns: [...columns].map(([column, tests]) => ({ name: column, tests })) };
    });
  return yamlText({ version: 2, models });
}

/** packages.yml, and dbt_packages/ with the packages `dbt deps` installed. */
function writePackages(root: string, packages: DbtSection['packages']): void {
  const entries = Object.entries(packages);
  if (!entries.length) return;
  write(root, 'packages.yml', yamlText({ packages: entries.map(([name, spec]) => ({ package: name, version: spec.version })) }));
  for (const [name, spec] of entries) {
    if (spec.installed) write(root, `dbt_packages/${name.split('/')[1]}/dbt_project.yml`, yamlText({ name: name.split('/')[1]!.replace(/-/g, '_'), version: spec.version, 'config-version': 2 }));
  }
}

/** Writes the section's project (dbt_project.yml, profiles.yml, models, target/ artifacts) into a new temporary directory. */
export function materializeProject(section: DbtSection): MaterializedProject {
  const root = mkdtempSync(path.join(tmpdir(), 'runbook-sandbox-dbt-'));
  const invocationId = randomUUID();
  write(root, 'dbt_project.yml', yamlText({ name: section.project, version: '1.0.0', 'config-version': 2, profile: section.profile, 'model-paths': ['models'], 'target-path': 'target' }));
  write(root, 'profiles.yml', yamlText(section.profiles));
  writePackages(root, section.packages);
  const folders = new Set(Object.values(section.models).map((m) => m.folder));
  for (const [name, model] of Object.entries(section.models)) write(root, `models/${model.folder}/${name}.sql`, `${model.sql}\n`);
  for (const folder of folders) write(root, `models/${folder}/schema.yml`, schemaYml(section, folder));
  const manifest = buildManifest(section, section.invocation.finishedAt, invocationId);
  write(root, 'target/manifest.json', JSON.stringify(manifest));
  for (const node of Object.values(manifest.nodes as Record<string, { compiled_path: string; compiled_code: string }>)) write(root, node.compiled_path, node.compiled_code);
  write(root, 'target/run_results.json', JSON.stringify(buildRunResults(section, invocationId)));
  const sources = buildSources(section, invocationId);
  if (sources) write(root, 'target/sources.json', JSON.stringify(sources));
  return { projectDir: root, remove: () => removeWhole(root) };
}

/** Removes the project in one step for its readers: renamed away first (atomic), then deleted, so no check sees half a project. */
function removeWhole(root: string): void {
  const removed = `${root}.removed`;
  try {
    renameSync(root, removed);
  } catch {
    return rmSync(root, { recursive: true, force: true });
  }
  rmSync(removed, { recursive: true, force: true });
}
