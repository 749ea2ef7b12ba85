// Loading the CLI bundle through a V8 code cache, so that a start does not compile 0.4 MB of
// JavaScript again. A code cache is code: it lives only in a per-user folder that no one else
// can write to, is keyed to the exact bundle and Node, and any problem with it means a normal
// load, never a failure. TRUSTCHECK_NO_CACHE=1 turns it off. Done by hand with vm.Script's
// cachedData on every Node: Node's own compile cache (22.1 and later) stores a module's code as
// compiled when it is loaded, without the functions a run compiles later, and an audit took
// 1.25 times as long with it on Node 22 and 24.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

/** The folder the OS keeps per-user caches in, or undefined when none can be named. */
function cacheBase(env, platform, home) {
  const xdg = env.XDG_CACHE_HOME;
  // the XDG spec: a relative path is invalid and is ignored
  if (xdg !== undefined && path.isAbsolute(xdg)) return xdg;
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA;
    return local !== undefined && path.win32.isAbsolute(local) ? local : undefined;
  }
  if (home === undefined || home === '' || !path.isAbsolute(home)) return undefined;
  return platform === 'darwin' ? path.join(home, 'Library', 'Caches') : path.join(home, '.cache');
}

/**
 * The trustcheck cache folder, created 0700 if missing, or undefined when it is not safe to
 * load code from: not a plain folder (a symlink, a file), owned by someone else, writable by
 * the group or the world, or in the shared temp folder itself.
 */
function cacheDir(options = {}) {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const home = options.home ?? env.HOME ?? (platform === 'win32' ? undefined : safeHomedir());
  const uid = options.uid ?? (typeof process.getuid === 'function' ? process.getuid() : undefined);
  try {
    const base = cacheBase(env, platform, home);
    if (base === undefined) return undefined;
    const tmp = options.tmpdir ?? tmpdir(env, platform);
    if (path.resolve(base) === path.resolve(tmp)) return undefined;
    const dir = path.join(base, 'trustcheck');
    let stat = lstatIfAny(dir);
    if (stat === undefined) {
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      stat = fs.lstatSync(dir);
    }
    if (!stat.isDirectory()) return undefined;
    if (platform !== 'win32') {
      if (uid === undefined || stat.uid !== uid) return undefined;
      if ((stat.mode & 0o022) !== 0) return undefined;
    }
    return dir;
  } catch {
    return undefined;
  }
}

function lstatIfAny(file) {
  try {
    return fs.lstatSync(file);
  } catch {
    return undefined;
  }
}

/** os.tmpdir(), which on POSIX is read from the environment (without loading node:os). */
function tmpdir(env, platform) {
  if (platform === 'win32') return require('node:os').tmpdir();
  const dir = env.TMPDIR || env.TMP || env.TEMP || '/tmp';
  return dir.length > 1 && dir.endsWith('/') ? dir.slice(0, -1) : dir;
}

function safeHomedir() {
  try {
    return require('node:os').homedir();
  } catch {
    return undefined;
  }
}

/**
 * The cache file's name: the bundle's sha256, Node's version and architecture, V8 options. The
 * build writes the bundle's sha256 beside it (`cli.cjs.sha256`); with it, a start hashes nothing
 * (loading node:crypto alone costs more than the rest of the cache), and the name also holds the
 * bundle's size, inode and times, so that a bundle changed after the build (without a new
 * sha256) gets a cache of its own. Without it, the bundle's text is hashed here.
 */
function cacheKey(
  source,
  env = process.env,
  file = undefined,
  built = file === undefined ? undefined : builtHash(file),
) {
  const runtime = `\0${process.version}\0${process.arch}\0${process.execArgv.join(' ')}\0${env.NODE_OPTIONS ?? ''}`;
  if (built !== undefined) {
    const stat = fs.statSync(file);
    const identity = `${stat.size}\0${stat.ino}\0${stat.dev}\0${stat.mtimeMs}\0${stat.ctimeMs}`;
    return `${built.slice(0, 16)}${fnv1a(identity + runtime)}`;
  }
  return require('node:crypto')
    .createHash('sha256')
    .update(source)
    .update(runtime)
    .digest('hex')
    .slice(0, 32);
}

/** The sha256 the build wrote beside `file`, or undefined. */
function builtHash(file) {
  try {
    const text = fs.readFileSync(`${file}.sha256`, 'latin1').trim();
    return /^[0-9a-f]{64}$/.test(text) ? text : undefined;
  } catch {
    return undefined;
  }
}

/** 64 bits of FNV-1a over a short text, as 16 hex digits (two 32-bit hashes, two offsets). */
function fnv1a(text) {
  let a = 0x811c9dc5;
  let b = 0xcbf29ce4;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/** Writes a file so that a reader sees the old content or the new one, never a part. */
function writeAtomically(file, data) {
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    fs.writeFileSync(tmp, data, { mode: 0o600, flag: 'wx' });
    fs.renameSync(tmp, file);
  } catch {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // nothing was written
    }
  }
}

/** Keeps the folder from filling up with caches of bundles no longer installed. */
function prune(dir, keep, max = 8) {
  try {
    const entries = fs
      .readdirSync(dir)
      .filter((name) => name.startsWith('cli-') && name.endsWith('.bin') && name !== keep)
      .map((name) => ({ name, mtime: fs.statSync(path.join(dir, name)).mtimeMs }))
      .sort((a, b) => b.mtime - a.mtime);
    for (const { name } of entries.slice(max - 1)) fs.unlinkSync(path.join(dir, name));
  } catch {
    // a cache that cannot be pruned still works
  }
}

/**
 * A cache file is a first line, `trustcheck-code-cache/1` and the commands whose code it holds,
 * then V8's data. It is written after a command's first run, with the code compiled by the end
 * of it; a run of another command writes it again, adding the code that one compiled, so that
 * each command used starts with its own code compiled (V8 compiles a function on its first call,
 * and a cache made by `init` lacks most of what `audit` runs).
 */
const MAGIC = 'trustcheck-code-cache/1';
const MAX_LABELS = 16;
const LABEL = /^[a-z][a-z0-9-]{0,31}$/;

/** The commands a cache file holds and its V8 data, or undefined when there is none to use. */
function readCacheFile(cacheFile) {
  let bytes;
  try {
    bytes = fs.readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  const end = bytes.indexOf(10);
  if (end < 0 || end > 1024) return undefined;
  const [magic, ...labels] = bytes.toString('latin1', 0, end).split(' ');
  if (magic !== MAGIC || !labels.every((label) => LABEL.test(label))) return undefined;
  return { labels, data: bytes.subarray(end + 1) };
}

/**
 * Loads the CommonJS file `file` and returns its exports, through the code cache when it can.
 * `options.label` names what this run does (the command): the cache is written again when it
 * does not hold that command's code yet. Call `save()` once the program's work is done: it
 * stores the code compiled by then (a no-op when the cache already held this command).
 */
function loadWithCache(file, options = {}) {
  const env = options.env ?? process.env;
  const label = LABEL.test(options.label ?? '') ? options.label : undefined;
  // a normal load, with nothing to save
  const plain = () => ({ exports: require(file), save: () => {} });
  if (env.TRUSTCHECK_NO_CACHE === '1') return plain();
  const Module = require('node:module');
  let script;
  let cacheFile;
  // the commands the cache file will hold, when it is to be written after this run
  let labels;
  try {
    const dir = cacheDir(options);
    if (dir === undefined) return plain();
    // the build writes the bundle as ASCII (and its sha256 beside it): then Latin-1 reads it
    // exactly, and faster than UTF-8
    const built = builtHash(file);
    const source = fs.readFileSync(file, built === undefined ? 'utf8' : 'latin1');
    cacheFile = path.join(dir, `cli-${cacheKey(source, env, file, built)}.bin`);
    const cached = readCacheFile(cacheFile);
    const vm = require('node:vm');
    script = new vm.Script(Module.wrap(source), { filename: file, cachedData: cached?.data });
    if (cached === undefined || script.cachedDataRejected === true) {
      labels = label === undefined ? [] : [label];
    } else if (
      label !== undefined &&
      !cached.labels.includes(label) &&
      cached.labels.length < MAX_LABELS
    ) {
      labels = [...cached.labels, label];
    }
  } catch {
    return plain();
  }
  const module = { exports: {}, filename: file, id: file, loaded: false };
  script
    .runInThisContext()
    .call(
      module.exports,
      module.exports,
      Module.createRequire(file),
      module,
      file,
      path.dirname(file),
    );
  module.loaded = true;
  const save = () => {
    if (labels === undefined) return;
    const header = `${MAGIC}${labels.map((l) => ` ${l}`).join('')}\n`;
    labels = undefined;
    try {
      writeAtomically(cacheFile, Buffer.concat([Buffer.from(header), script.createCachedData()]));
      prune(path.dirname(cacheFile), path.basename(cacheFile));
    } catch {
      // the next start compiles again
    }
  };
  return { exports: module.exports, save };
}

module.exports = { cacheBase, cacheDir, cacheKey, loadWithCache, readCacheFile, writeAtomically };
