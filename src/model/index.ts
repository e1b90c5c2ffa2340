/** The typed runbook model shared by the parser, the runner, the reporters and the site. */
export * from './position';
export * from './runbook';
export * from './result';
export * from './report';
export * from './diagnostic';
