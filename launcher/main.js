'use strict';
// The action's main step (action.yml `runs.main`): runs the native binary with no argument.
require('./launch').run('main').then((code) => {
  process.exitCode = code;
});
