'use strict';
// The launcher as the runner runs it: `node launcher/main.js` (or post.js) in a child process, with the
// step's environment, against a layout like the release's. Run with `node --test launcher/test/*.test.js`.

const assert = require('node:assert/strict');
const childProcess = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { test } = require('node:test');
const zlib = require('node:zlib');

const launch = require('../launch');
const { fakeBinary, createLayout, listFiles, removeAll, sha256 } = require('./layout');

/** Runs a launcher script of the layout to completion and collects what the runner would see. */
function runLauncher(layout, script, env = {}) {
  const record = path.join(layout.runnerTemp, 'record-' + Math.random().toString(16).slice(2) + '.json');
  const result = childProcess.spawnSync(process.execPath, [path.join(layout.root, 'launcher', script)], {
    env: { PATH: process.env.PATH, RUNNER_TEMP: layout.runnerTemp, FAKE_RECORD: record, ...env },
    encoding: 'utf8',
  });
  const ran = fs.existsSync(record) ? JSON.parse(fs.readFileSync(record, 'utf8')) : undefined;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, ran };
}

function unpackedPath(layout) {
  const entry = layout.manifest.binaries[layout.id];
  const name = process.platform === 'win32' ? 'configure-aws-credentials.exe' : 'configure-aws-credentials';
  return path.join(layout.runnerTemp, 'configure-aws-credentials-csharp', entry.sha256.slice(0, 16), name);
}

// The fake binary is a Node script with a shebang, which Windows cannot start as an .exe; there the
// end-to-end tests (tests/EndToEnd.Tests/Launcher) run the launcher over the real binary instead.
const SPAWNS_FAKE_BINARY = { skip: process.platform === 'win32' && 'the fake binary is a script' };

function errorLines(stdout) {
  return stdout.split('\n').filter((line) => line.startsWith('::error::'));
}

test('every supported runner maps to a .NET runtime identifier; others are refused by name', () => {
  assert.equal(launch.runtimeId('linux', 'x64'), 'linux-x64');
  assert.equal(launch.runtimeId('linux', 'arm64'), 'linux-arm64');
  assert.equal(launch.runtimeId('darwin', 'arm64'), 'osx-arm64');
  assert.equal(launch.runtimeId('darwin', 'x64'), 'osx-x64');
  assert.equal(launch.runtimeId('win32', 'x64'), 'win-x64');
  assert.equal(launch.runtimeId('win32', 'arm64'), 'win-arm64');
  assert.throws(() => launch.runtimeId('freebsd', 'x64'), (error) =>
    error instanceof launch.LaunchError && /freebsd-x64/.test(error.message) && /linux-x64, linux-arm64/.test(error.message));
  assert.throws(() => launch.runtimeId('linux', 'ia32'), launch.LaunchError);
});

test('an unsupported platform is one error line and exit code 1', async () => {
  const layout = createLayout();
  try {
    const lines = [];
    const code = await launch.run('main', {
      root: layout.root, env: { RUNNER_TEMP: layout.runnerTemp }, platform: 'aix', arch: 'ppc64', write: (line) => lines.push(line),
    });
    assert.equal(code, 1);
    assert.equal(lines.length, 1);
    assert.match(lines[0], /^::error::configure-aws-credentials has no binary for aix-ppc64\. Supported runners: .*\n$/);
  } finally {
    removeAll(layout.root, layout.runnerTemp);
  }
});

test('main runs the binary with no argument and post with "post", the environment untouched', SPAWNS_FAKE_BINARY, () => {
  const layout = createLayout();
  try {
    const env = { 'INPUT_ROLE-TO-ASSUME': 'arn:aws:iam::111111111111:role/x', 'STATE_exported-variables': 'AWS_REGION', 'WITH SPACE': 'a b', EMPTY: '' };
    const main = runLauncher(layout, 'main.js', env);
    assert.equal(main.status, 0, main.stdout + main.stderr);
    assert.deepEqual(main.ran.argv, []);
    const post = runLauncher(layout, 'post.js', env);
    assert.equal(post.status, 0, post.stdout + post.stderr);
    assert.deepEqual(post.ran.argv, ['post']);
    for (const [name, value] of Object.entries(env)) {
      assert.equal(main.ran.env[name], value, name);
      assert.equal(post.ran.env[name], value, name);
    }
    // Nothing is added or removed on the way (the fake binary is Node, which adds nothing of its own).
    assert.deepEqual(Object.keys(main.ran.env).sort(), Object.keys({ PATH: 1, RUNNER_TEMP: 1, FAKE_RECORD: 1, ...env }).sort());
  } finally {
    removeAll(layout.root, layout.runnerTemp);
  }
});

test('the binary\'s standard output is the step\'s, and its exit code is the launcher\'s', SPAWNS_FAKE_BINARY, () => {
  const layout = createLayout();
  try {
    for (const code of [0, 1, 3]) {
      const result = runLauncher(layout, 'main.js', { FAKE_EXIT_CODE: String(code) });
      assert.equal(result.status, code);
      assert.equal(result.stdout, 'fake binary ran\n');
    }
  } finally {
    removeAll(layout.root, layout.runnerTemp);
  }
});

test('the first use unpacks the verified binary with mode 0755; later uses run that copy', SPAWNS_FAKE_BINARY, () => {
  const layout = createLayout();
  try {
    runLauncher(layout, 'main.js');
    const unpacked = unpackedPath(layout);
    const first = fs.statSync(unpacked);
    assert.equal(first.mode & 0o777, 0o755);
    assert.equal(sha256(fs.readFileSync(unpacked)), layout.manifest.binaries[layout.id].sha256);
    const again = runLauncher(layout, 'post.js');
    assert.equal(again.status, 0);
    const second = fs.statSync(unpacked);
    assert.equal(second.ino, first.ino);
    assert.equal(second.mtimeMs, first.mtimeMs);
    assert.deepEqual(listFiles(layout.runnerTemp).filter((file) => file.includes('configure-aws-credentials')),
      [path.relative(layout.runnerTemp, unpacked), path.relative(layout.runnerTemp, unpacked + '.verified')]);
  } finally {
    removeAll(layout.root, layout.runnerTemp);
  }
});

test('a later step trusts the record of the verified copy and writes nothing', SPAWNS_FAKE_BINARY, () => {
  const layout = createLayout();
  try {
    runLauncher(layout, 'main.js');
    const record = unpackedPath(layout) + '.verified';
    const before = fs.statSync(record);
    if (process.platform !== 'win32') {
      assert.equal(before.mode & 0o777, 0o600);
    }
    const again = runLauncher(layout, 'post.js');
    assert.equal(again.status, 0);
    const after = fs.statSync(record);
    assert.equal(after.ino, before.ino);
    assert.equal(after.mtimeMs, before.mtimeMs);
  } finally {
    removeAll(layout.root, layout.runnerTemp);
  }
});

test('a copy changed in place with its size and modification time kept is still detected and replaced', SPAWNS_FAKE_BINARY, () => {
  const layout = createLayout();
  try {
    runLauncher(layout, 'main.js');
    const unpacked = unpackedPath(layout);
    const original = fs.statSync(unpacked);
    const tampered = Buffer.from('#!/bin/sh\necho tampered\n'.padEnd(original.size - 1, '#') + '\n');
    assert.equal(tampered.length, original.size);
    fs.writeFileSync(unpacked, tampered);
    fs.utimesSync(unpacked, original.atime, original.mtime);
    const result = runLauncher(layout, 'main.js');
    assert.equal(result.status, 0, result.stdout);
    assert.equal(result.stdout, 'fake binary ran\n');
    assert.equal(sha256(fs.readFileSync(unpacked)), layout.manifest.binaries[layout.id].sha256);
  } finally {
    removeAll(layout.root, layout.runnerTemp);
  }
});

test('a record that does not match, or that others could have written, is not trusted: the copy is hashed', SPAWNS_FAKE_BINARY, () => {
  const damage = [
    (record) => fs.writeFileSync(record, '0'.repeat(64) + fs.readFileSync(record, 'utf8').slice(64)),
    (record) => fs.writeFileSync(record, 'not a record'),
    ...(process.platform === 'win32' ? [] : [
      (record) => fs.chmodSync(record, 0o666),
      (record) => fs.chmodSync(path.dirname(record), 0o777),
    ]),
  ];
  for (const apply of damage) {
    const layout = createLayout();
    try {
      runLauncher(layout, 'main.js');
      const record = unpackedPath(layout) + '.verified';
      apply(record);
      const damaged = fs.statSync(record);
      const result = runLauncher(layout, 'post.js');
      assert.equal(result.status, 0, result.stdout);
      // Hashing the copy writes a new record in place of the one not trusted.
      const rewritten = fs.statSync(record);
      assert.notEqual(rewritten.ino, damaged.ino);
    } finally {
      removeAll(layout.root, layout.runnerTemp);
    }
  }
});

test('a corrupt unpacked copy is detected and replaced before it runs', SPAWNS_FAKE_BINARY, () => {
  const layout = createLayout();
  try {
    runLauncher(layout, 'main.js');
    const unpacked = unpackedPath(layout);
    fs.writeFileSync(unpacked, '#!/bin/sh\necho tampered\n');
    const result = runLauncher(layout, 'main.js');
    assert.equal(result.status, 0, result.stdout);
    assert.equal(result.stdout, 'fake binary ran\n');
    assert.equal(sha256(fs.readFileSync(unpacked)), layout.manifest.binaries[layout.id].sha256);
  } finally {
    removeAll(layout.root, layout.runnerTemp);
  }
});

test('a shipped binary whose digest differs from the manifest is refused with one error line', () => {
  const tampered = fakeBinary();
  tampered[tampered.length - 1] = 0x20;
  const layout = createLayout({ compressed: zlib.brotliCompressSync(tampered) });
  try {
    const result = runLauncher(layout, 'main.js');
    assert.equal(result.status, 1);
    assert.equal(result.ran, undefined);
    const [error, ...others] = errorLines(result.stdout);
    assert.deepEqual(others, []);
    assert.match(error, /is corrupt: its SHA-256 is [0-9a-f]{64}, the manifest says [0-9a-f]{64}/);
    assert.equal(fs.existsSync(unpackedPath(layout)), false);
  } finally {
    removeAll(layout.root, layout.runnerTemp);
  }
});

test('a shipped binary that does not decompress, or is larger than the manifest says, is refused', () => {
  for (const options of [{ compressed: Buffer.from('not brotli at all') }, { entry: { size: 10 } }]) {
    const layout = createLayout(options);
    try {
      const result = runLauncher(layout, 'main.js');
      assert.equal(result.status, 1);
      assert.equal(result.ran, undefined);
      assert.equal(errorLines(result.stdout).length, 1);
      assert.match(result.stdout, /is corrupt: it does not decompress/);
    } finally {
      removeAll(layout.root, layout.runnerTemp);
    }
  }
});

test('a missing manifest, a missing entry or a missing binary file is one error line and exit code 1', () => {
  const damage = [
    (layout) => fs.rmSync(path.join(layout.root, 'bin'), { recursive: true }),
    (layout) => fs.writeFileSync(path.join(layout.root, 'bin', 'manifest.json'), '{ "binaries": {} }'),
    (layout) => fs.writeFileSync(path.join(layout.root, 'bin', 'manifest.json'), '{ not json'),
    (layout) => fs.rmSync(path.join(layout.root, 'bin', layout.id + '.br')),
  ];
  const expected = [/binaries are missing/, /has no valid binary for/, /is not valid JSON/, /The binary for .* is missing/];
  damage.forEach((apply, index) => {
    const layout = createLayout();
    try {
      apply(layout);
      const result = runLauncher(layout, 'main.js');
      assert.equal(result.status, 1);
      assert.equal(result.ran, undefined);
      const lines = result.stdout.split('\n').filter((line) => line.length > 0);
      assert.equal(lines.length, 1, result.stdout);
      assert.match(lines[0], /^::error::/);
      assert.match(lines[0], expected[index]);
      assert.match(lines[0], /release tag/);
    } finally {
      removeAll(layout.root, layout.runnerTemp);
    }
  });
});

test('a manifest entry naming a file outside bin/ is refused', () => {
  const layout = createLayout({ entry: { file: '../launcher/main.js' } });
  try {
    const result = runLauncher(layout, 'main.js');
    assert.equal(result.status, 1);
    assert.match(result.stdout, /has no valid binary for/);
  } finally {
    removeAll(layout.root, layout.runnerTemp);
  }
});

test('paths with spaces and shell syntax are passed as they are: no shell in between', SPAWNS_FAKE_BINARY, () => {
  const layout = createLayout();
  const strange = path.join(layout.runnerTemp, 'dir with spaces; $(echo oops) `x` & "q"');
  fs.mkdirSync(strange);
  try {
    const result = runLauncher({ ...layout, runnerTemp: strange }, 'main.js');
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.equal(result.ran.env.RUNNER_TEMP, strange);
  } finally {
    removeAll(layout.root, layout.runnerTemp);
  }
});

test('concurrent first uses of one cache directory all run the verified binary', SPAWNS_FAKE_BINARY, async () => {
  const layout = createLayout();
  try {
    const runs = Array.from({ length: 8 }, (_, index) => new Promise((resolve) => {
      const child = childProcess.spawn(process.execPath, [path.join(layout.root, 'launcher', 'main.js')], {
        env: { PATH: process.env.PATH, RUNNER_TEMP: layout.runnerTemp, FAKE_RECORD: path.join(layout.runnerTemp, 'r' + index) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk) => { output += chunk; });
      child.stderr.on('data', (chunk) => { output += chunk; });
      child.on('exit', (code) => resolve({ code, output }));
    }));
    for (const result of await Promise.all(runs)) {
      assert.equal(result.code, 0, result.output);
      assert.equal(result.output, 'fake binary ran\n');
    }
    const left = listFiles(path.join(layout.runnerTemp, 'configure-aws-credentials-csharp'));
    assert.equal(left.length, 2, 'no temporary files are left: ' + left.join(', '));
    assert.equal(sha256(fs.readFileSync(unpackedPath(layout))), layout.manifest.binaries[layout.id].sha256);
  } finally {
    removeAll(layout.root, layout.runnerTemp);
  }
});

test('a cancelled step: SIGTERM and SIGINT reach the binary, and its exit code is kept', SPAWNS_FAKE_BINARY, async () => {
  for (const [signal, exitCode] of [['SIGTERM', 0], ['SIGINT', 1]]) {
    const layout = createLayout();
    try {
      const record = path.join(layout.runnerTemp, 'record.json');
      const child = childProcess.spawn(process.execPath, [path.join(layout.root, 'launcher', 'main.js')], {
        env: {
          PATH: process.env.PATH, RUNNER_TEMP: layout.runnerTemp, FAKE_RECORD: record,
          FAKE_WAIT_FOR_SIGNAL: signal, FAKE_EXIT_CODE: String(exitCode),
        },
        stdio: 'ignore',
      });
      const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
      while (!fs.existsSync(record + '.ready')) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      child.kill(signal);
      assert.equal(await exited, exitCode);
      assert.equal(fs.readFileSync(record + '.signal', 'utf8'), signal);
    } finally {
      removeAll(layout.root, layout.runnerTemp);
    }
  }
});

test('without RUNNER_TEMP the binary is unpacked into the system temp directory', () => {
  assert.equal(launch.cacheRootFor({ RUNNER_TEMP: '/runner/_temp' }), '/runner/_temp');
  assert.equal(launch.cacheRootFor({}), require('node:os').tmpdir());
});

test('error text is escaped as workflow command data', () => {
  assert.equal(launch.escapeData('50% done\r\nnext'), '50%25 done%0D%0Anext');
});
