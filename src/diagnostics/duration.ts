/** A duration as a person says it: `2h 10m`, `45m`, `30s`. */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return `${Math.max(0, Math.round(ms / 1000))}s`;
  const days = minutes >= 2880 ? Math.floor(minutes / 1440) : 0;
  const hours = Math.floor((minutes - days * 1440) / 60);
  const rest = minutes % 60;
  return [days ? `${days}d` : '', hours ? `${hours}h` : '', rest && !days ? `${rest}m` : ''].filter(Boolean).join(' ') || '0m';
}
