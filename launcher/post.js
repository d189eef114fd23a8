'use strict';
// The action's post step (action.yml `runs.post`): runs the native binary with the argument `post`.
require('./launch').run('post').then((code) => {
  process.exitCode = code;
});
