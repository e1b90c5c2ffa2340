import { z } from 'zod';
import { faultSchema, type FaultSpec } from './schema';

/** A `--fault` value that does not read as a fault; says what was expected. */
export class FaultFlagError extends Error {
  override name = 'FaultFlagError';
}

/** How a fault is written on the command line; shown in errors and help. */
export const faultFlagSyntax =
  'SERVICE[.OPERATION]=KIND[:ARG][,rate=R][,times=N][,per=call], e.g. "*=latency:100", "sfn.DescribeStateMachine=empty-body", "s3=status:503,rate=0.2", "snowflake=hang,times=1", "*=throttle,times=1,per=call", "github=expired-credentials"';

const kindsWithArgument: Partial<Record<string, (arg: string) => Record<string, unknown>>> = {
  latency: (arg) => ({ ms: Number(arg) }),
  status: (arg) => ({ status: Number(arg) }),
  throttle: (arg) => ({ status: Number(arg) }),
};

/** Kinds whose value may be left out (`throttle` alone is the service's usual form, `throttle:429` the other). */
const optionalArgument: ReadonlySet<string> = new Set(['throttle']);

/** Parses one `--fault` value (see `faultFlagSyntax`); `*` as the service means every service. */
export function parseFaultFlag(text: string): FaultSpec {
  const match = /^([\w*-]+)(?:\.([\w-]+))?=([\w-]+)(?::([^,]+))?((?:,\w+=[^,]+)*)$/.exec(text.trim());
  if (!match) throw new FaultFlagError(`Unexpected --fault "${text}", expected ${faultFlagSyntax}`);
  const [, service, operation, kind, arg, rest] = match;
  const options = Object.fromEntries((rest ?? '').split(',').filter(Boolean).map((pair) => pair.split('=') as [string, string]));
  for (const name of Object.keys(options)) {
    if (name !== 'rate' && name !== 'times' && name !== 'per') throw new FaultFlagError(`Unexpected option "${name}" in --fault "${text}", expected rate or times, or per=call`);
  }
  const withArgument = kindsWithArgument[kind!];
  if (withArgument && arg === undefined && !optionalArgument.has(kind!)) throw new FaultFlagError(`--fault "${text}": ${kind} needs a value (${kind}:N)`);
  if (!withArgument && arg !== undefined) throw new FaultFlagError(`--fault "${text}": ${kind} takes no value`);
  const spec = {
    ...(service !== '*' ? { service } : {}),
    ...(operation ? { operation } : {}),
    ...(options.rate !== undefined ? { rate: Number(options.rate) } : {}),
    ...(options.times !== undefined ? { times: Number(options.times) } : {}),
    ...(options.per !== undefined ? { per: options.per } : {}),
    effect: { kind, ...(withArgument && arg !== undefined ? withArgument(arg) : {}) },
  };
  const parsed = faultSchema.safeParse(spec);
  if (!parsed.success) {
    throw new FaultFlagError(`Unexpected --fault "${text}": ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}; expected ${faultFlagSyntax}`, {
      cause: z.treeifyError(parsed.error),
    });
  }
  return spec as FaultSpec;
}
