/** The Snowflake release the sandbox answers as: the login's serverVersion and CURRENT_VERSION(). */
export const snowflakeServerVersion = '9.30.1';
