/** The CloudWatch console page of one alarm. */
export function alarmConsoleUrl(region: string, name: string): string {
  return `https://${region}.console.aws.amazon.com/cloudwatch/home?region=${region}#alarmsV2:alarm/${encodeURIComponent(name)}`;
}

/** The CloudWatch console's list of alarms. */
export function alarmsConsoleUrl(region: string): string {
  return `https://${region}.console.aws.amazon.com/cloudwatch/home?region=${region}#alarmsV2:`;
}

/** The CloudWatch console's list of dashboards. */
export function dashboardsConsoleUrl(region: string): string {
  return `https://${region}.console.aws.amazon.com/cloudwatch/home?region=${region}#dashboards:`;
}

/** The Billing console's budgets (a global page). */
export const budgetsConsoleUrl = 'https://console.aws.amazon.com/billing/home#/budgets';
