import { createInterface } from 'node:readline';

/**
 * Asks one question on the terminal (the prompt on standard error, the answer from standard input) and resolves
 * with the line typed, or null when the input closed (Ctrl-D) or `signal` aborted. Ctrl-C at the prompt is
 * handed on as SIGINT, so the run's interruption handling stops the run as it would at any other moment.
 */
export function askOnTerminal(question: string, signal?: AbortSignal): Promise<string | null> {
  return new Promise((resolve) => {
    const prompt = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    let answered = false;
    const finish = (answer: string | null) => {
      if (answered) return;
      answered = true;
      prompt.close();
      resolve(answer);
    };
    prompt.on('SIGINT', () => {
      // The terminal is in raw mode while it reads: Ctrl-C arrives as a key, not a signal. Handed on at once,
      // synchronously, so the run's interruption stops the waiting action before this answer counts as a no.
      process.emit('SIGINT', 'SIGINT');
      finish(null);
    });
    prompt.on('close', () => finish(null));
    prompt.question(question, signal ? { signal } : {}, (answer) => finish(answer));
    signal?.addEventListener('abort', () => finish(null), { once: true });
  });
}
