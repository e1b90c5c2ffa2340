import { bootstrapProcess, projectRoot } from './bootstrap';
import { runCheckCommand } from './check-command';

bootstrapProcess();

const write = (stream: NodeJS.WriteStream) => (text: string) => void stream.write(text);

runCheckCommand(process.argv.slice(2), projectRoot, {
  out: write(process.stdout),
  err: write(process.stderr),
  screen: { color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR, width: process.stdout.isTTY ? process.stdout.columns || 100 : 400, live: Boolean(process.stderr.isTTY) },
})
  .then((code) => {
    // The Snowflake driver and SDK sockets may keep the loop alive: exit once output is flushed.
    process.stdout.write('', () => process.exit(code));
  });
