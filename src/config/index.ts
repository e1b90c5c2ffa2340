/** The typed, validated project configuration. */
export * from './schema';
export { defineConfig } from './define-config';
export { ConfigError, loadConfig, validateConfig } from './load-config';
