'use strict';
// Starts the action's native binary for this runner's platform. The binaries ship brotli-compressed in
// bin/ with a manifest of their SHA-256 digests; the first step of a job unpacks the one it needs into
// RUNNER_TEMP and verifies it, and later steps run that copy while a record of the verified file still
// matches it (docs/launcher.md says why that is as safe as hashing it again). No npm dependencies: only
// Node's standard library, so the action's archive is the launcher, the manifest and the binaries.
// Modules a step may not need are loaded where they are used: every millisecond here is added to the step.

const fs = require('node:fs');
const path = require('node:path');

/** Node's platform-arch pairs and the .NET runtime identifiers of the binaries built for them. */
const RUNTIME_IDS = Object.freeze({
  'linux-x64': 'linux-x64',
  'linux-arm64': 'linux-arm64',
  'darwin-x64': 'osx-x64',
  'darwin-arm64': 'osx-arm64',
  'win32-x64': 'win-x64',
  'win32-arm64': 'win-arm64',
});

/** Signals a runner sends to cancel a step; each is passed on to the binary. */
const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGBREAK'];

const HELP = 'Use a release tag of the action (for example @v1), not a branch; a fork builds its own release with scripts/package (see the README).';

/** A failure the launcher reports as one ::error:: line. */
class LaunchError extends Error {}

function runtimeId(platform, arch) {
  const id = RUNTIME_IDS[platform + '-' + arch];
  if (id === undefined) {
    throw new LaunchError(
      'configure-aws-credentials has no binary for ' + platform + '-' + arch + '. Supported runners: ' +
        Object.keys(RUNTIME_IDS).join(', ') + '.');
  }
  return id;
}

function readManifest(root) {
  const file = path.join(root, 'bin', 'manifest.json');
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new LaunchError('The action\'s binaries are missing (' + file + ': ' + error.code + '). ' + HELP);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new LaunchError('The action\'s binary manifest ' + file + ' is not valid JSON (' + error.message + '). ' + HELP);
  }
}

function manifestEntry(manifest, id) {
  const entry = manifest && manifest.binaries && Object.hasOwn(manifest.binaries, id) ? manifest.binaries[id] : undefined;
  if (!entry || typeof entry.file !== 'string' || path.basename(entry.file) !== entry.file ||
      !/^[0-9a-f]{64}$/.test(entry.sha256) || !Number.isSafeInteger(entry.size) || entry.size <= 0) {
    throw new LaunchError('This copy of the action has no valid binary for ' + id + ' in bin/manifest.json. ' + HELP);
  }
  return entry;
}

function sha256(data) {
  return require('node:crypto').createHash('sha256').update(data).digest('hex');
}

/**
 * What tells one file from another at a path: a write, a truncation, a chmod or a replacement changes at
 * least one of these, and the change time cannot be set back.
 */
function identity(stats) {
  return [stats.dev, stats.ino, stats.size, stats.mtimeNs, stats.ctimeNs].join(':');
}

/**
 * The SHA-256 and identity of a file, read through one reused buffer (cheaper than reading it whole), or
 * undefined when there is no file.
 */
function hashFile(file) {
  let fd;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if (error.code === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
  try {
    const hash = require('node:crypto').createHash('sha256');
    const buffer = Buffer.allocUnsafe(256 * 1024);
    let read;
    while ((read = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0) {
      hash.update(buffer.subarray(0, read));
    }
    return { sha256: hash.digest('hex'), identity: identity(fs.fstatSync(fd, { bigint: true })) };
  } finally {
    fs.closeSync(fd);
  }
}

/** The record, beside the unpacked binary, of the file a step verified. */
function recordPath(target) {
  return target + '.verified';
}

/**
 * Whether the record says the file at the path is the copy a step verified against this digest. The
 * record is trusted only when no other user can have written it (POSIX): owned by this user, like its
 * directory, and writable by no one else. Otherwise the binary is hashed, as on its first use.
 */
function isRecordedVerified(target, digest) {
  let record;
  let stats;
  try {
    record = fs.readFileSync(recordPath(target), 'utf8');
    stats = fs.statSync(target, { bigint: true });
  } catch {
    return false;
  }
  if (record !== digest + ' ' + identity(stats)) {
    return false;
  }
  if (typeof process.getuid !== 'function') {
    return true;
  }
  const uid = BigInt(process.getuid());
  return [recordPath(target), path.dirname(target)].every((file) => {
    try {
      const owner = fs.statSync(file, { bigint: true });
      return owner.uid === uid && (owner.mode & 0o022n) === 0n;
    } catch {
      return false;
    }
  });
}

/**
 * Records that the file at the path, as it is now, was verified against the digest. Written beside it and
 * renamed into place like the binary; a record that cannot be written only means the next step hashes.
 */
function recordVerified(target, digest, fileIdentity) {
  const temporary = temporaryPath(recordPath(target));
  try {
    fs.writeFileSync(temporary, digest + ' ' + fileIdentity, { flag: 'wx', mode: 0o600 });
    fs.renameSync(temporary, recordPath(target));
  } catch {
    fs.rmSync(temporary, { force: true });
  }
}

function temporaryPath(file) {
  return file + '.' + process.pid + '.' + require('node:crypto').randomBytes(6).toString('hex') + '.tmp';
}

/** Decompresses the shipped binary and checks it against the manifest; nothing is written yet. */
function unpack(root, entry, id) {
  const source = path.join(root, 'bin', entry.file);
  let compressed;
  try {
    compressed = fs.readFileSync(source);
  } catch (error) {
    throw new LaunchError('The binary for ' + id + ' is missing (' + source + ': ' + error.code + '). ' + HELP);
  }
  let binary;
  try {
    // One output buffer of the expected size: no chunks to join. Loaded here: only a first use unpacks.
    binary = require('node:zlib').brotliDecompressSync(compressed, { maxOutputLength: entry.size, chunkSize: entry.size + 1 });
  } catch (error) {
    throw new LaunchError('The binary for ' + id + ' (' + source + ') is corrupt: it does not decompress (' + error.message + '). ' + HELP);
  }
  const digest = sha256(binary);
  if (digest !== entry.sha256) {
    throw new LaunchError('The binary for ' + id + ' (' + source + ') is corrupt: its SHA-256 is ' + digest +
      ', the manifest says ' + entry.sha256 + '. ' + HELP);
  }
  return binary;
}

/**
 * Writes the verified binary beside its final path and renames it into place, so a reader (another step,
 * or a concurrent job sharing the directory) sees either no file, a complete one, or the previous one.
 * No fsync: a copy left incomplete by a crash fails the digest check on the next use and is replaced.
 * Returns false when the rename was refused because the file in place is in use (Windows).
 */
function install(binary, target) {
  const temporary = temporaryPath(target);
  fs.writeFileSync(temporary, binary, { flag: 'wx', mode: 0o755 });
  // The umask may have cleared bits from the creation mode.
  fs.chmodSync(temporary, 0o755);
  try {
    fs.renameSync(temporary, target);
    return true;
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    if (['EPERM', 'EACCES', 'EBUSY'].includes(error.code)) {
      return false;
    }
    throw error;
  }
}

/**
 * The path of the verified, runnable binary for this platform: the unpacked copy in the cache directory
 * when it is the one a step verified, or when its SHA-256 matches the manifest; otherwise a fresh one
 * unpacked from bin/.
 */
function prepareBinary({ root, cacheRoot, platform, arch }) {
  const id = runtimeId(platform, arch);
  const entry = manifestEntry(readManifest(root), id);
  const directory = path.join(cacheRoot, 'configure-aws-credentials-csharp', entry.sha256.slice(0, 16));
  const target = path.join(directory, platform === 'win32' ? 'configure-aws-credentials.exe' : 'configure-aws-credentials');
  if (isRecordedVerified(target, entry.sha256)) {
    return target;
  }
  const existing = hashFile(target);
  if (existing !== undefined && existing.sha256 === entry.sha256) {
    recordVerified(target, entry.sha256, existing.identity);
    return target;
  }
  const binary = unpack(root, entry, id);
  fs.mkdirSync(directory, { recursive: true, mode: 0o700 });
  if (install(binary, target)) {
    recordVerified(target, entry.sha256, identity(fs.statSync(target, { bigint: true })));
  } else {
    // Another job is running the file in place: it is the one to use, if it is the right one.
    const inPlace = hashFile(target);
    if (inPlace === undefined || inPlace.sha256 !== entry.sha256) {
      throw new LaunchError('The unpacked binary ' + target + ' is in use and does not match the manifest (SHA-256 ' +
        (inPlace && inPlace.sha256) + '); re-run the job.');
    }
  }
  return target;
}

/** The directory binaries are unpacked into: the job's temp directory, emptied by the runner after the job. */
function cacheRootFor(env) {
  return env.RUNNER_TEMP || require('node:os').tmpdir();
}

/** Escapes the data of a workflow command, as the runner unescapes it. */
function escapeData(text) {
  return String(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/**
 * Runs the binary with the step's environment and standard streams, no shell in between; resolves with
 * the binary's exit code, or with the signal that ended it.
 */
function spawnBinary(binary, args) {
  return new Promise((resolve) => {
    const child = require('node:child_process').spawn(binary, args, { stdio: 'inherit', windowsHide: true });
    const forwarders = new Map();
    for (const signal of FORWARDED_SIGNALS) {
      const forward = () => child.kill(signal);
      try {
        process.on(signal, forward);
        forwarders.set(signal, forward);
      } catch {
        // A signal this platform does not have (SIGBREAK outside Windows, SIGHUP on Windows).
      }
    }
    const finish = (result) => {
      for (const [signal, forward] of forwarders) {
        process.removeListener(signal, forward);
      }
      resolve(result);
    };
    child.on('error', (error) => finish({ error }));
    child.on('exit', (code, signal) => finish({ code, signal }));
  });
}

/**
 * The launcher's whole job: pick, verify and run the binary for the given stage ('main' or 'post'), and
 * end this process the way the binary ended.
 */
async function run(stage, options = {}) {
  const root = options.root || path.join(__dirname, '..');
  const env = options.env || process.env;
  const write = options.write || ((line) => process.stdout.write(line));
  let binary;
  try {
    binary = prepareBinary({
      root,
      cacheRoot: cacheRootFor(env),
      platform: options.platform || process.platform,
      arch: options.arch || process.arch,
    });
  } catch (error) {
    const message = error instanceof LaunchError ? error.message : 'Could not prepare the action\'s binary: ' + error.message;
    write('::error::' + escapeData(message) + '\n');
    return 1;
  }

  const result = await spawnBinary(binary, stage === 'post' ? ['post'] : []);
  if (result.error) {
    write('::error::' + escapeData('Could not start ' + binary + ': ' + result.error.message) + '\n');
    return 1;
  }
  if (result.signal) {
    write('::error::' + escapeData('The action\'s binary was stopped by ' + result.signal + '.') + '\n');
    return 1;
  }
  return result.code;
}

module.exports = { RUNTIME_IDS, LaunchError, runtimeId, prepareBinary, cacheRootFor, escapeData, run };
