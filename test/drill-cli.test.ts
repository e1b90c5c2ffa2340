import { afterAll, describe, expect, it } from 'vitest';
import { TraineeShell } from './support/trainee';

describe('npm run drill keeps track of the running drill', { timeout: 600_000 }, () => {
  const sh = new TraineeShell();
  afterAll(() => sh.close());

  it('refuses what it cannot do, hides the worlds while a drill is open, and survives the loss of its sandbox', async () => {
    // Nothing running yet, and a name that is no drill.
    expect(await sh.npm('drill', 'hint')).toMatchObject({ code: 2, stderr: expect.stringContaining('No drill is running: start one with npm run drill -- NAME') });
    expect(await sh.npm('drill', 'answer', '--step', '3.3.1')).toMatchObject({ code: 2, stderr: expect.stringContaining('No drill is running') });
    const unknown = await sh.npm('drill', 'glue-corrupt-json');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^Unknown drill "glue-corrupt-json", expected one of: glue-job-failed-1, .*terraform-apply-failed-4/);

    const listing = await sh.npm('drill');
    expect(listing.code).toBe(0);
    expect(listing.stdout).toContain('external-table-stale-1');
    expect(listing.stdout).not.toMatch(/s3-notifications-missing|notification/);

    await sh.startDrill('external-table-stale-1');
    const world = JSON.parse(await sh.curl(`${sh.setting('RUNBOOK_SANDBOX_URL')}/_sandbox/world`, '')) as Record<string, string>;
    expect(Object.keys(world)).toEqual(['label']);
    const worlds = await sh.npm('check', '--list-worlds');
    expect(worlds).toMatchObject({ code: 0, stdout: expect.stringContaining('hidden while drill external-table-stale-1 is open') });
    expect(worlds.stdout).not.toContain('s3-notifications-missing');
    expect(await sh.npm('drill', 'dag-run-failed-1')).toMatchObject({ code: 2, stderr: expect.stringContaining('Drill external-table-stale-1 is already running') });

    // Bad answers are refused before anything is graded; nothing is recorded.
    expect(await sh.npm('drill', 'answer', '--step', '3.3.9')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^Unknown step "3.3.9", expected one of: 3\.1\.1, /) });
    expect(await sh.npm('drill', 'answer', '--step', '3.3.1', '--cause', 'corrupt-json')).toMatchObject({ code: 2, stderr: expect.stringContaining('scenario 3.3 lists no common causes') });
    expect(await sh.npm('drill', 'hint', '--step', '3.3.1')).toMatchObject({ code: 2, stderr: expect.stringContaining('--step applies to answer, not hint') });
    expect(sh.attempts()).toEqual([]);

    const hint = await sh.npm('drill', 'hint');
    expect(hint).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Hint 1 of 3 \(external-table-stale-1\):\n.*scenario 3\.3/) });

    // The sandbox goes away (Ctrl-C in its shell): hints still come, the answer is graded from a fresh copy.
    await sh.stopDrill();
    const afterStop = await sh.npm('drill', 'hint');
    expect(afterStop.stdout).toMatch(/^Hint 2 of 3/);
    expect(afterStop.stderr).toContain("The drill's sandbox is gone");
    const answer = await sh.npm('drill', 'answer', '--step', '3.3.1');
    expect(answer.code, answer.stderr).toBe(0);
    expect(answer.stdout).toContain('✔ Correct: 3.3.1');
    expect(answer.stdout).toContain('2 of 3 hints');
    expect(answer.stderr).toContain("fresh copy of the drill's world");
    expect(answer.stdout).toMatch(/FAIL +3\.3\.1 +Verify S3 event notifications are enabled \[s3-event-notifications\]/);
    expect(sh.attempts()).toMatchObject([{ drill: 'external-table-stale-1', result: 'correct', hintsUsed: 2 }]);
    expect(await sh.npm('drill', 'hint')).toMatchObject({ code: 2 });
    expect((await sh.npm('drill')).stdout).toMatch(/external-table-stale-1 .*last: correct in \S+, 2 hints/);
  });
});
