import { bootstrapProcess } from './bootstrap';
import { runSqlCommand } from './sql-command';

bootstrapProcess();

const write = (stream: NodeJS.WriteStream) => (text: string) => void stream.write(text);

// A minimal Snowflake SQL client for drills: `npm run -s sql -- "SHOW EXTERNAL TABLES"`.
void runSqlCommand(process.argv.slice(2), process.env, { out: write(process.stdout), err: write(process.stderr) }).then((code) => {
  process.stdout.write('', () => process.exit(code));
});
