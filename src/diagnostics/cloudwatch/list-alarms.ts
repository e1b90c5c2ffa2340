import { DescribeAlarmsCommand, type MetricAlarm } from '@aws-sdk/client-cloudwatch';
import type { CheckContext } from '../../check-api';

/** The most pages of alarms read (100 a page): an account with more alarms than this is read in part, and says so. */
const maxPages = 50;

/** Every metric alarm of the account and region (DescribeAlarms, all pages), once per run for every check that asks. */
export function listMetricAlarms(ctx: CheckContext): Promise<MetricAlarm[]> {
  return ctx.memo(['cloudwatch:DescribeAlarms', 'MetricAlarm'], async (signal) => {
    const alarms: MetricAlarm[] = [];
    let token: string | undefined;
    for (let page = 0; page < maxPages; page++) {
      const answer = await ctx.clients.cloudwatch().send(new DescribeAlarmsCommand({ AlarmTypes: ['MetricAlarm'], MaxRecords: 100, ...(token ? { NextToken: token } : {}) }), { abortSignal: signal });
      alarms.push(...(answer.MetricAlarms ?? []));
      token = answer.NextToken;
      if (!token) return alarms;
    }
    throw new Error(`DescribeAlarms returned more than ${maxPages * 100} alarms: the alarms cannot all be read, so none can be said to be missing`);
  });
}
