import type { ActionConfirmation } from '../runner/action-confirmation';
import { redactDeep, redactText, secretsFromEnvironment } from '../redaction';
import { printable } from '../reporters/printable';
import type { CommandIo } from './check-command';

/** How actions are confirmed in this invocation: asked on the terminal, or given beforehand with `--yes`. */
export type ConfirmationMode = { kind: 'ask'; ask: NonNullable<CommandIo['ask']> } | { kind: 'yes' };

/**
 * The preview as the user reads it before saying yes: the action, where, each exact call, and what should change;
 * redacted, and without escape sequences. The parameters are redacted as data (by key and value: a `clientToken`
 * is an idempotency token, not a secret, and stays readable), the text lines as text.
 */
export function previewText(request: ActionConfirmation, secrets: readonly string[]): string {
  const text = (line: string) => printable(redactText(line, secrets));
  const calls = request.plan.preview.calls.map((call) => `    ${printable(`${call.operation} ${JSON.stringify(redactDeep(call.parameters, secrets))}`)}`);
  return [
    text(`Action ${request.step} (${request.check}): ${request.title}`),
    text(`  Environment: ${request.environment}${request.sandbox ? ' (a sandbox)' : ''}`),
    text(`  Will: ${request.plan.description}`),
    '  Sends:',
    ...calls,
    text(`  Expects: ${request.plan.preview.expects}`),
  ].join('\n');
}

/** The question for an action: a yes in a sandbox; elsewhere the environment's name, typed. */
export function confirmationQuestion(request: ActionConfirmation): string {
  return request.sandbox
    ? `Apply ${request.step} in ${request.environment}? [y/N] `
    : `Apply ${request.step} in ${request.environment}? Type the environment's name (${request.environment}) to apply it, anything else skips it: `;
}

/** True when the answer confirms: `y`/`yes` in a sandbox, exactly the environment's name anywhere else. */
export function confirms(request: ActionConfirmation, answer: string | null): boolean {
  const typed = (answer ?? '').trim();
  return request.sandbox ? /^y(es)?$/i.test(typed) : typed === request.environment;
}

/**
 * The runner's `confirm` for the CLI: prints each action's preview (redacted, escape sequences removed), then asks
 * on the terminal or, with `--yes`, says it goes ahead. One action is asked about at a time, in the order they ask.
 */
export function confirmActions(io: CommandIo, mode: ConfirmationMode): (request: ActionConfirmation) => Promise<boolean> {
  const secrets = secretsFromEnvironment(process.env);
  let turn: Promise<unknown> = Promise.resolve();
  return (request) => {
    const mine = turn.then(async () => {
      io.err(`\n${previewText(request, secrets)}\n`);
      if (mode.kind === 'yes') {
        io.err(`Applying ${request.step} in ${request.environment} (--yes).\n`);
        return true;
      }
      const answer = await mode.ask(confirmationQuestion(request));
      const yes = confirms(request, answer);
      io.err(yes ? `Applying ${request.step} in ${request.environment}.\n` : `Not applied: ${request.sandbox ? 'not confirmed' : `the answer was not ${request.environment}`}.\n`);
      return yes;
    });
    turn = mine.catch(() => undefined);
    return mine;
  };
}
