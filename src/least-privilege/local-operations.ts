/** Operations that need no grant in a remote system: files the checks read, connections they open, commands they run. */
export const localOperations: Record<string, string> = {
  'dbt:dbt_project.yml': 'reads the dbt project file',
  'dbt:profiles.yml': 'reads the dbt profile (never its secrets into a report)',
  'dbt:manifest.json': "reads the dbt project's target/manifest.json",
  'dbt:run_results.json': "reads the dbt project's target/run_results.json",
  'dbt:sources.json': "reads the dbt project's target/sources.json",
  'dbt:test': "runs dbt test with the profile's own credentials: its role needs SELECT on the models (the reader role's grants)",
  'tcp:connect': "opens a TCP connection to the profile's Snowflake host (network reachability, no grant)",
};

/** What the local operations among `uses` entries do, one line each, and the entries of local systems (dbt, tcp) it does not know. */
export function localNeeds(entries: readonly string[]): { lines: string[]; unmapped: string[] } {
  const local = entries.filter((entry) => /^(?:dbt|tcp):/.test(entry));
  return { lines: [...new Set(local.flatMap((entry) => (localOperations[entry] ? [`${entry}: ${localOperations[entry]}`] : [])))].sort(), unmapped: local.filter((entry) => !localOperations[entry]) };
}
