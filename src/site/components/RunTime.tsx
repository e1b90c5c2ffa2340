import { useEffect, useState, type ReactNode } from 'react';
import { absoluteTime, relativeTime } from '../relative-time';

/**
 * A run's time: `3 h ago (2025-11-26 01:50 UTC)`. The relative part is computed in the browser, so it is
 * true when the page is read, not when it was built; the server-rendered page shows the absolute time.
 */
export default function RunTime({ iso }: { iso: string }): ReactNode {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => setNow(Date.now()), []);
  const absolute = absoluteTime(iso);
  return (
    <time dateTime={iso} title={absolute}>
      {now === null ? absolute : `${relativeTime(iso, now)} (${absolute})`}
    </time>
  );
}
