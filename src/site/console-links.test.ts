import { describe, expect, it } from 'vitest';
import { validateConfig } from '../config';
import { consoleLinkRule } from './console-links';

const config = validateConfig({
  environments: {
    sandbox: { sandbox: { world: 'healthy' }, aws: { region: 'eu-west-1' } },
    prod: {
      aws: { region: 'eu-west-1' },
      snowflake: { account: 'myorg-analytics' },
      github: { repository: 'review-analytics/platform-infra' },
      airflow: { baseUrl: 'https://airflow.example.internal', dagId: 'd' },
    },
    bare: {},
  },
});

const prod = consoleLinkRule(config.environments.prod);

describe('consoleLinkRule', () => {
  it('makes links to the AWS console in the environment\'s region clickable, and to another region not', () => {
    expect(prod('https://eu-west-1.console.aws.amazon.com/gluestudio/home?region=eu-west-1#/job/j/run/r')).toBe(true);
    expect(prod('https://s3.console.aws.amazon.com/s3/buckets/b?region=eu-west-1&prefix=p%2F')).toBe(true);
    expect(prod('https://console.aws.amazon.com/iam/home#/roles/details/ci-role?section=permissions')).toBe(true);
    expect(prod('https://us-east-1.console.aws.amazon.com/states/home?region=us-east-1#/executions')).toBe(false);
    expect(prod('https://s3.console.aws.amazon.com/s3/buckets/b?region=us-east-1')).toBe(false);
    expect(prod('https://console.aws.amazon.com.evil.example/iam')).toBe(false);
  });

  it('accepts the Snowflake account, the GitHub repository and the configured Airflow, nothing beside them', () => {
    expect(prod('https://app.snowflake.com/myorg/analytics/#/data/databases')).toBe(true);
    expect(prod('https://myorg-analytics.snowflakecomputing.com/console')).toBe(true);
    expect(prod('https://app.snowflake.com/otherorg/analytics/')).toBe(false);
    expect(prod('https://github.com/review-analytics/platform-infra/actions/runs/42')).toBe(true);
    expect(prod('https://github.com/review-analytics/platform-infra-fork/actions/runs/42')).toBe(false);
    expect(prod('https://airflow.example.internal/dags/amazon_reviews_dbt/grid')).toBe(true);
    expect(prod('https://airflow.example.internal.evil.example/dags')).toBe(false);
    expect(prod('javascript:alert(1)')).toBe(false);
    expect(prod('not a url')).toBe(false);
  });

  it('makes no link of a sandbox run, of an environment that names no console, or of an unknown environment clickable', () => {
    const url = 'https://eu-west-1.console.aws.amazon.com/gluestudio/home?region=eu-west-1';
    expect(consoleLinkRule(config.environments.sandbox)(url)).toBe(false);
    expect(consoleLinkRule(config.environments.bare)(url)).toBe(false);
    expect(consoleLinkRule(undefined)(url)).toBe(false);
  });
});
