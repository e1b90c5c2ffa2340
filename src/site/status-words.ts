import type { Status, StepRole } from '../model';

const symptomWords: Partial<Record<Status, string>> = { fail: 'present', pass: 'absent', warn: 'maybe present', acknowledged: 'present, acknowledged' };
const causeWords: Partial<Record<Status, string>> = { fail: 'likely cause', pass: 'ruled out', warn: 'possible cause', acknowledged: 'likely cause, acknowledged' };

/**
 * A status in the words of the step's role: a failing symptom check means the symptom is *present*, a
 * failing cause check that it is the *likely cause*; actions and check-list entries keep the status name.
 */
export function statusWord(role: StepRole, status: Status): string {
  if (status === 'error') return 'could not tell';
  if (role === 'symptom') return symptomWords[status] ?? status;
  if (role === 'cause') return causeWords[status] ?? status;
  return status;
}
