import type { Dag } from './state';

const presetIntervals: Record<string, number> = { '@hourly': 3_600_000, '@daily': 86_400_000, '@weekly': 7 * 86_400_000 };
const presetDescriptions: Record<string, string> = { '@hourly': 'At 0 minutes past the hour', '@daily': 'At 00:00', '@weekly': 'At 00:00, only on Sunday' };

/** How Airflow describes a DAG's timetable in words (cron-descriptor's phrasing for the presets). */
export function timetableDescription(dag: Dag): string | null {
  if (!dag.schedule) return 'Never, external triggers only';
  return presetDescriptions[dag.schedule] ?? dag.schedule;
}

/** The next run Airflow would create after the DAG's latest scheduled run: its logical date, data interval and run-after time. */
export function nextDagRun(dag: Dag): { logicalDate: string; intervalStart: string; intervalEnd: string; runAfter: string } | null {
  const interval = dag.schedule ? presetIntervals[dag.schedule] : undefined;
  const latest = dag.runs.filter((run) => run.runType === 'scheduled' && run.logicalDate).map((run) => Date.parse(run.logicalDate!)).sort((a, b) => b - a)[0];
  if (!interval || latest === undefined) return null;
  const start = latest + interval;
  const iso = (ms: number) => new Date(ms).toISOString();
  return { logicalDate: iso(start), intervalStart: iso(start), intervalEnd: iso(start + interval), runAfter: iso(start + interval) };
}
