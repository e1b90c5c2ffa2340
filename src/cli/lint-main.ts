import { bootstrapProcess, projectRoot } from './bootstrap';
import { runLintCommand } from './lint-command';

bootstrapProcess();

const write = (stream: NodeJS.WriteStream) => (text: string) => void stream.write(text);

/** `npm run lint:runbook [-- --root <dir>]`: every runbook diagnostic and check module problem, then a summary; exit 1 on errors. */
runLintCommand(process.argv.slice(2), projectRoot, { out: write(process.stdout), err: write(process.stderr) }).then(
  (code) => process.stdout.write('', () => process.exit(code)),
  (error: unknown) => {
    process.stderr.write(`Unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(2);
  },
);
