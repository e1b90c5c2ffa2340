/** The sandbox's fixed, public credentials: they open nothing outside this process. */
export const sandboxCredentials = {
  aws: { accessKeyId: 'SANDBOXACCESSKEY', secretAccessKey: 'sandbox-secret-key' },
  region: 'eu-west-1',
  snowflake: { account: 'sandbox', username: 'SANDBOX', password: 'sandbox' },
} as const;
