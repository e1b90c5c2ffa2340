// @ts-check
'use strict';
/**
 * The thread the CLI runs its embedded sandbox in (src/sandbox/thread/sandbox-thread.ts starts it): TypeScript loads
 * through the CLI's compile cache here too, and the sandbox starts while the CLI's own thread loads the checks.
 */
require('./register.js');
require('../src/sandbox/thread/thread-main.ts');
