'use strict';
// Preloaded into a spawned CLI by the start-up tests: writes every module the process loaded to the
// file named by RUNBOOK_RECORD_MODULES when it exits, so a test can see what --list or lint loaded: its files, then
// Node's own modules it loaded (`NativeModule internal/deps/undici/undici`).
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  writeFileSync(process.env.RUNBOOK_RECORD_MODULES, [...Object.keys(require.cache), ...process.moduleLoadList].join('\n'));
});
