import { bootstrapProcess, projectRoot } from '../cli/bootstrap';
import { runDrillCommand } from './drill-command';

bootstrapProcess();

const write = (stream: NodeJS.WriteStream) => (text: string) => void stream.write(text);

// `npm run drill [-- NAME | hint | answer --step ID [--cause NAME]]`
void runDrillCommand(process.argv.slice(2), projectRoot, {
  out: write(process.stdout),
  err: write(process.stderr),
  tty: Boolean(process.stderr.isTTY),
  screen: { color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR, width: process.stdout.isTTY ? (process.stdout.columns ?? 100) : 400 },
}).then((code) => {
  // null: a drill started, and its sandbox keeps the process alive until Ctrl-C.
  if (code !== null) process.stdout.write('', () => process.exit(code));
});
