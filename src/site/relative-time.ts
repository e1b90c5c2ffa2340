/** `2025-11-26T01:50:44.123Z` as `2025-11-26 01:50 UTC`: the same on the server and in every browser. */
export function absoluteTime(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}

const units: Array<[number, string]> = [
  [86_400_000, 'd'],
  [3_600_000, 'h'],
  [60_000, 'min'],
];

/** How long before `now` the time `iso` was, in the largest whole unit: `3 h ago`, `2 d ago`, `just now`. */
export function relativeTime(iso: string, now: number): string {
  const elapsed = now - Date.parse(iso);
  if (!Number.isFinite(elapsed)) return iso;
  if (elapsed < 0) return 'in the future';
  for (const [size, unit] of units) if (elapsed >= size) return `${Math.floor(elapsed / size)} ${unit} ago`;
  return 'just now';
}
