import { formatDuration } from '../diagnostics/duration';

/** An ISO timestamp as a person reads it in a listing: `2026-12-02 00:55:03Z` (UTC, to the second). */
export function timeText(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}Z`;
}

/** How long before `now` a time was: `12m ago`, `2h 10m ago`, `3d ago`. */
export function agoText(iso: string, now: Date): string {
  return `${formatDuration(now.getTime() - Date.parse(iso))} ago`;
}
