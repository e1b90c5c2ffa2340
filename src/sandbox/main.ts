import { bootstrapProcess, projectRoot } from '../cli/bootstrap';
import { drillSecrecy } from '../drill/secrecy';
import { faultFlagSyntax, parseFaultFlag } from './faults/parse-flag';
import type { FaultSpec } from './faults/schema';
import { readCallerPolicyFile } from './authorization/caller-policy';
import { launchSandbox } from './launch';
import { listWorlds } from './world/load-world';

bootstrapProcess();

/** `npm run sandbox [-- --world NAME] [--port N]`: the simulator on its own, with settings that point any client at it. */
async function main(argv: string[]): Promise<void> {
  const option = (name: string) => {
    const index = argv.indexOf(`--${name}`);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const every = (name: string) => argv.flatMap((arg, i) => (arg === `--${name}` && argv[i + 1] !== undefined ? [argv[i + 1]!] : []));
  // While a drill is open, world names and descriptions stay hidden: they state the drill's cause.
  const secret = drillSecrecy(projectRoot);
  if (argv.includes('--help')) {
    process.stdout.write(
      `Usage: npm run sandbox -- [--world NAME] [--port N] [--write-env FILE] [--latency MS] [--fault SPEC]… [--fault-seed N] [--work-seconds S] [--caller-policy FILE]\n` +
        `Worlds: ${secret ?? listWorlds().join(', ')}\nFaults: --fault ${faultFlagSyntax}; --latency MS is --fault "*=latency:MS".\n` +
        `--work-seconds S: how long a re-run an action starts takes (queued or running until then); the world's work.json by default.\n` +
        `--caller-policy FILE: an IAM policy (JSON) to enforce for the caller, instead of the world's callerPolicy: an AWS call it does not allow gets AccessDenied.\n`,
    );
    return;
  }
  const latency = option('latency');
  if (latency !== undefined && !/^\d+$/.test(latency)) throw new Error(`Unexpected --latency ${latency}, expected milliseconds (a whole number)`);
  const faults: FaultSpec[] = [...(latency ? [parseFaultFlag(`*=latency:${latency}`)] : []), ...every('fault').map(parseFaultFlag)];
  const seed = option('fault-seed');
  if (seed !== undefined && !/^\d+$/.test(seed)) throw new Error(`Unexpected --fault-seed ${seed}, expected a whole number`);
  const workSeconds = option('work-seconds');
  if (workSeconds !== undefined && !/^\d+(\.\d+)?$/.test(workSeconds)) throw new Error(`Unexpected --work-seconds ${workSeconds}, expected seconds (a number)`);
  const port = Number(option('port') ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Unexpected --port ${option('port')}, expected a number from 0 to 65535`);
  const envFile = option('write-env');
  const policyFile = option('caller-policy');
  const callerPolicy = policyFile !== undefined ? readCallerPolicyFile(policyFile) : undefined;
  const { sandbox, lines, stopOnSignals } = await launchSandbox({ world: option('world') ?? 'healthy', port, faults, ...(seed ? { faultSeed: Number(seed) } : {}), ...(workSeconds ? { workSeconds: Number(workSeconds) } : {}), ...(envFile ? { writeEnv: envFile } : {}), ...(callerPolicy ? { callerPolicy } : {}) });
  process.stdout.write(`${lines.join('\n')}\n`);
  process.stderr.write(
    `# sandbox: world "${sandbox.world.name}" on ${sandbox.url}: ${secret ?? sandbox.world.header.description}\n` +
      (sandbox.faults.list().length ? `# faults: ${JSON.stringify(sandbox.faults.list())}\n` : '') +
      (sandbox.callerPolicy ? `# caller policy enforced: ${sandbox.callerPolicy.Statement.length} statement(s); AWS calls it does not allow get AccessDenied\n` : '') +
      `# In another shell: set -a; . ${envFile ?? 'FILE-WITH-THE-LINES-ABOVE'}; set +a — then any AWS or Snowflake client, and npm run check, use this sandbox. Ctrl-C stops it.\n`,
  );
  stopOnSignals();
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(2);
});
