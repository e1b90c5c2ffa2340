/**
 * Calls `gone` once when the process's parent exits (the process is reparented): `npm run` kills only its shell on
 * SIGTERM, which leaves the node process it started running. Polls twice a second, without keeping the process alive.
 */
export function onParentExit(gone: () => void, intervalMs = 500): () => void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    gone();
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
