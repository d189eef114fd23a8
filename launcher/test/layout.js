'use strict';
// Test support: a copy of the launcher in a temporary action layout (launcher/, bin/manifest.json and a
// brotli-compressed "binary"), the way scripts/package lays out a release. The binary is a small Node
// script with a shebang, so the launcher really spawns an executable file.

const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const zlib = require('node:zlib');

const LAUNCHER_FILES = ['launch.js', 'main.js', 'post.js'];

/** What the fake binary does: records argv and environment, then follows FAKE_* instructions. */
const FAKE_BINARY_BODY = `
const fs = require('node:fs');
if (process.env.FAKE_RECORD) {
  fs.writeFileSync(process.env.FAKE_RECORD, JSON.stringify({ argv: process.argv.slice(2), env: process.env, pid: process.pid }));
}
process.stdout.write('fake binary ran\\n');
if (process.env.FAKE_WAIT_FOR_SIGNAL) {
  process.on(process.env.FAKE_WAIT_FOR_SIGNAL, () => {
    fs.writeFileSync(process.env.FAKE_RECORD + '.signal', process.env.FAKE_WAIT_FOR_SIGNAL);
    process.exit(Number(process.env.FAKE_EXIT_CODE || 0));
  });
  fs.writeFileSync(process.env.FAKE_RECORD + '.ready', '');
  setInterval(() => {}, 1000);
} else {
  process.exitCode = Number(process.env.FAKE_EXIT_CODE || 0);
}
`;

function fakeBinary() {
  return Buffer.from('#!' + process.execPath + '\n' + FAKE_BINARY_BODY);
}

function sha256(data) {
  return crypto.createHash('sha256').update(data).digest('hex');
}

function currentRuntimeId() {
  return require('../launch').runtimeId(process.platform, process.arch);
}

/**
 * Creates an action layout in a new temporary directory. `binary` is the uncompressed binary; the
 * manifest records its digest and size unless overridden through `entry`.
 */
function createLayout({ binary = fakeBinary(), entry = {}, compressed } = {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cac-launcher-'));
  fs.mkdirSync(path.join(root, 'launcher'));
  for (const file of LAUNCHER_FILES) {
    fs.copyFileSync(path.join(__dirname, '..', file), path.join(root, 'launcher', file));
  }
  fs.mkdirSync(path.join(root, 'bin'));
  const id = currentRuntimeId();
  const file = id + '.br';
  fs.writeFileSync(path.join(root, 'bin', file), compressed || zlib.brotliCompressSync(binary));
  const manifest = { binaries: { [id]: { file, sha256: sha256(binary), size: binary.length, ...entry } } };
  fs.writeFileSync(path.join(root, 'bin', 'manifest.json'), JSON.stringify(manifest, null, 2));
  const runnerTemp = fs.mkdtempSync(path.join(os.tmpdir(), 'cac-runner-temp-'));
  return { root, runnerTemp, id, binary, manifest };
}

/** Every regular file under a directory, relative to it. */
function listFiles(directory) {
  const found = [];
  for (const item of fs.readdirSync(directory, { withFileTypes: true, recursive: true })) {
    if (item.isFile()) {
      found.push(path.relative(directory, path.join(item.parentPath ?? item.path, item.name)));
    }
  }
  return found.sort();
}

function removeAll(...directories) {
  for (const directory of directories) {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

module.exports = { fakeBinary, sha256, createLayout, listFiles, removeAll, currentRuntimeId };
