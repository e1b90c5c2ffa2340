/** Redaction of secrets from everything the CLI writes: reports, logs of calls, the audit log, the results store. */
export { redactDeep, redactedMark, redactText } from './redact';
export { couldBeSecret, secretEnvironmentVariables, secretsFromEnvironment } from './secret-values';
