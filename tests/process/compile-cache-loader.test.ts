// The code cache of bin/compile-cache.cjs: it loads code only from a per-user folder no one else
// can write to, and any problem with it means a normal load.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

interface CacheOptions {
  env?: Record<string, string | undefined>;
  platform?: string;
  home?: string;
  uid?: number;
  tmpdir?: string;
}
const loader = fileURLToPath(new URL('../../bin/compile-cache.cjs', import.meta.url));
const cache = createRequire(import.meta.url)(loader) as {
  cacheDir(options?: CacheOptions): string | undefined;
  cacheBase(env: CacheOptions['env'], platform: string, home?: string): string | undefined;
  loadWithCache(
    file: string,
    options?: CacheOptions & { label?: string },
  ): { exports: unknown; save(): void };
  readCacheFile(file: string): { labels: string[]; data: Buffer } | undefined;
};

const uid = process.getuid?.() ?? 0;

let dir: string;
let home: string;
let xdg: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'trustcheck-cache-test-'));
  home = join(dir, 'home');
  xdg = join(dir, 'xdg');
  mkdirSync(home);
  mkdirSync(xdg);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const options = (extra: CacheOptions = {}): CacheOptions => ({
  env: { XDG_CACHE_HOME: xdg },
  home,
  platform: 'linux',
  uid,
  ...extra,
});

describe('the cache folder', () => {
  it('is $XDG_CACHE_HOME/trustcheck, created 0700', () => {
    const found = cache.cacheDir(options());
    expect(found).toBe(join(xdg, 'trustcheck'));
    expect(statSync(found!).mode & 0o777).toBe(0o700);
  });

  it('is the OS cache folder without XDG_CACHE_HOME (and a relative one is ignored)', () => {
    expect(cache.cacheBase({}, 'linux', '/home/a')).toBe('/home/a/.cache');
    expect(cache.cacheBase({ XDG_CACHE_HOME: 'rel' }, 'linux', '/home/a')).toBe('/home/a/.cache');
    expect(cache.cacheBase({}, 'darwin', '/Users/a')).toBe('/Users/a/Library/Caches');
    expect(cache.cacheBase({ LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' }, 'win32')).toBe(
      'C:\\Users\\a\\AppData\\Local',
    );
    expect(cache.cacheBase({}, 'win32')).toBeUndefined();
    expect(cache.cacheBase({}, 'linux', '')).toBeUndefined();
    expect(cache.cacheDir(options({ env: {} }))).toBe(join(home, '.cache', 'trustcheck'));
  });

  it.each([0o770, 0o707, 0o777, 0o720, 0o702])('refuses a folder with mode %o', (mode) => {
    mkdirSync(join(xdg, 'trustcheck'));
    chmodSync(join(xdg, 'trustcheck'), mode);
    expect(cache.cacheDir(options())).toBeUndefined();
  });

  it('refuses a folder owned by someone else', () => {
    mkdirSync(join(xdg, 'trustcheck'), { mode: 0o700 });
    expect(cache.cacheDir(options())).toBe(join(xdg, 'trustcheck'));
    expect(cache.cacheDir(options({ uid: uid + 1 }))).toBeUndefined();
  });

  it('refuses a symlink, a file, and the shared temp folder itself', () => {
    mkdirSync(join(dir, 'elsewhere'), { mode: 0o700 });
    symlinkSync(join(dir, 'elsewhere'), join(xdg, 'trustcheck'));
    expect(cache.cacheDir(options())).toBeUndefined();
    const other = join(dir, 'other');
    mkdirSync(other);
    writeFileSync(join(other, 'trustcheck'), 'not a folder');
    expect(cache.cacheDir(options({ env: { XDG_CACHE_HOME: other } }))).toBeUndefined();
    expect(cache.cacheDir(options({ tmpdir: xdg }))).toBeUndefined();
  });
});

describe('loading through the cache', () => {
  let module: string;
  beforeEach(() => {
    module = join(dir, 'module.cjs');
    writeFileSync(
      module,
      "'use strict';\nexports.answer = 6 * 7;\nexports.where = () => __filename;\nexports.builtin = require('node:path').sep;\n",
    );
  });
  const entries = () =>
    existsSync(join(xdg, 'trustcheck')) ? readdirSync(join(xdg, 'trustcheck')) : [];
  /**
   * One start of a program: a new process, as V8 also caches within one. With a label, it calls
   * the module's function of that name (code the cache then holds) before saving.
   */
  const start = (env: Record<string, string> = { XDG_CACHE_HOME: xdg }, label?: string) => {
    // the label is an argument, not part of the script: the script is in Node's execArgv, which
    // keys the cache
    const result = spawnSync(
      process.execPath,
      [
        '-e',
        `const label = process.argv[1];
        const loaded = require(${JSON.stringify(loader)}).loadWithCache(${JSON.stringify(module)}, { env: ${JSON.stringify(env)}, label });
        if (typeof loaded.exports[label] === 'function') loaded.exports[label]();
        loaded.save();
        process.stdout.write(JSON.stringify({ ...loaded.exports, where: loaded.exports.where() }));`,
        ...(label === undefined ? [] : ['--', label]),
      ],
      { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: home } },
    );
    expect(result.stderr).toBe('');
    return JSON.parse(result.stdout) as unknown;
  };
  const expected = { answer: 42, builtin: '/', where: '' };
  beforeEach(() => (expected.where = module));

  it('loads the module, then writes its compiled code; the next start reads it', () => {
    expect(start()).toEqual(expected);
    const [file] = entries();
    expect(file).toMatch(/^cli-[0-9a-f]{32}\.bin$/);
    const path = join(xdg, 'trustcheck', file!);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const written = readFileSync(path);
    expect(start()).toEqual(expected);
    expect(readFileSync(path).equals(written)).toBe(true);
    expect(entries()).toEqual([file]);
  });

  it('holds the code of each command run: a new one writes it again, a known one does not', () => {
    // two commands, each with code of its own that V8 compiles only when it runs
    const body = (name: string) =>
      `exports.${name} = function () { let s = 0; ${Array.from({ length: 200 }, (_, i) => `s += ${name.length} * ${i};`).join(' ')} return s; };\n`;
    writeFileSync(module, `${readFileSync(module, 'utf8')}${body('audit')}${body('summary')}`);
    start({ XDG_CACHE_HOME: xdg }, 'audit');
    const path = join(xdg, 'trustcheck', entries()[0]!);
    const first = cache.readCacheFile(path)!;
    expect(first.labels).toEqual(['audit']);
    expect(readFileSync(path, 'latin1')).toMatch(/^trustcheck-code-cache\/1 audit\n/);
    // the same command again: the cache is used as it is
    const before = readFileSync(path);
    start({ XDG_CACHE_HOME: xdg }, 'audit');
    expect(readFileSync(path).equals(before)).toBe(true);
    // another command: written again, now with the code of both
    start({ XDG_CACHE_HOME: xdg }, 'summary');
    const both = cache.readCacheFile(path)!;
    expect(both.labels).toEqual(['audit', 'summary']);
    expect(both.data.length).toBeGreaterThan(first.data.length);
    expect(entries()).toHaveLength(1);
    // no label, or one that is not a plain word: used, never written
    const now = readFileSync(path);
    start({ XDG_CACHE_HOME: xdg });
    start({ XDG_CACHE_HOME: xdg }, '--help');
    start({ XDG_CACHE_HOME: xdg }, 'a b');
    expect(readFileSync(path).equals(now)).toBe(true);
  });

  it('reads a cache file only with its first line as written', () => {
    const file = join(dir, 'cache.bin');
    const read = (bytes: string) => {
      writeFileSync(file, bytes, 'latin1');
      return cache.readCacheFile(file);
    };
    expect(read('trustcheck-code-cache/1\nDATA')).toEqual({
      labels: [],
      data: Buffer.from('DATA'),
    });
    expect(read('trustcheck-code-cache/1 init diff\n\u0000\u0001')?.labels).toEqual([
      'init',
      'diff',
    ]);
    expect(read('trustcheck-code-cache/2 init\nDATA')).toBeUndefined();
    expect(read('trustcheck-code-cache/1 In!t\nDATA')).toBeUndefined();
    expect(read('trustcheck-code-cache/1  init\nDATA')).toBeUndefined();
    expect(read('no first line')).toBeUndefined();
    expect(read(`trustcheck-code-cache/1 ${'a '.repeat(600)}\nDATA`)).toBeUndefined();
    expect(cache.readCacheFile(join(dir, 'missing.bin'))).toBeUndefined();
  });

  it('rewrites a cache whose V8 data is rejected, under a valid first line', () => {
    start({ XDG_CACHE_HOME: xdg }, 'audit');
    const path = join(xdg, 'trustcheck', entries()[0]!);
    writeFileSync(path, 'trustcheck-code-cache/1 audit init\nnot V8 data');
    expect(start({ XDG_CACHE_HOME: xdg }, 'diff')).toEqual(expected);
    const rewritten = cache.readCacheFile(path)!;
    expect(rewritten.labels).toEqual(['diff']);
    expect(rewritten.data.toString('latin1')).not.toBe('not V8 data');
  });

  it('rewrites cached data that V8 rejects', () => {
    start();
    const path = join(xdg, 'trustcheck', entries()[0]!);
    writeFileSync(path, 'not a code cache');
    expect(start()).toEqual(expected);
    expect(readFileSync(path, 'utf8')).not.toBe('not a code cache');
    expect(entries()).toHaveLength(1);
  });

  it('keys the cache to the exact file: another file of the same size gets its own', () => {
    start();
    writeFileSync(module, readFileSync(module, 'utf8').replace('6 * 7', '7 * 6'));
    expect(start()).toEqual(expected);
    expect(entries()).toHaveLength(2);
  });

  it('with the sha256 the build writes beside the file, is named by it without hashing', () => {
    const sha = 'ab'.repeat(32);
    writeFileSync(`${module}.sha256`, `${sha}\n`);
    expect(start()).toEqual(expected);
    expect(entries()).toEqual([
      expect.stringMatching(new RegExp(`^cli-${sha.slice(0, 16)}[0-9a-f]{16}\\.bin$`)),
    ]);
    // the same file again: the same cache
    expect(start()).toEqual(expected);
    expect(entries()).toHaveLength(1);
    // changed after the build (same size, same sha256 file): a cache of its own
    writeFileSync(module, readFileSync(module, 'utf8').replace('6 * 7', '7 * 6'));
    expect(start()).toEqual(expected);
    expect(entries()).toHaveLength(2);
  });

  it('hashes the file itself when the sha256 beside it is not one', () => {
    expect(start()).toEqual(expected);
    const [hashed] = entries();
    rmSync(join(xdg, 'trustcheck'), { recursive: true });
    writeFileSync(`${module}.sha256`, 'not a hash\n');
    expect(start()).toEqual(expected);
    expect(entries()).toEqual([hashed]);
  });

  it('falls back to a normal load, silently, when the folder is unsafe', () => {
    mkdirSync(join(xdg, 'trustcheck'));
    chmodSync(join(xdg, 'trustcheck'), 0o777);
    expect(start()).toEqual(expected);
    expect(entries()).toEqual([]);
  });

  it('falls back when no cache folder can be made', () => {
    writeFileSync(join(dir, 'file'), '');
    expect(start({ XDG_CACHE_HOME: join(dir, 'file') })).toEqual(expected);
  });

  it('is off with TRUSTCHECK_NO_CACHE=1', () => {
    expect(start({ XDG_CACHE_HOME: xdg, TRUSTCHECK_NO_CACHE: '1' })).toEqual(expected);
    expect(existsSync(join(xdg, 'trustcheck'))).toBe(false);
  });
});
