// The folder Node's compile cache may use (src/io/cache-folder.ts): only a folder that no one
// but this user (or root) can change, created one level at a time, never under /proc, /sys or
// /dev; any doubt means no folder.
import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheFolderPath, safeCacheFolder } from '../../src/io/cache-folder.js';
import { tempDir } from '../support/helpers.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  dir = realpathSync(dir);
});
afterEach(() => cleanup());

const uid = process.getuid!();
const options = (env: Record<string, string>, more: { uid?: number; platform?: string } = {}) => ({
  env,
  uid: more.uid ?? uid,
  platform: more.platform ?? 'linux',
});
const mode = (path: string) => lstatSync(path).mode & 0o7777;

describe('cacheFolderPath', () => {
  it('is $XDG_CACHE_HOME/trustcheck, else the cache folder in HOME; a relative XDG is ignored', () => {
    expect(cacheFolderPath(options({ XDG_CACHE_HOME: '/x/c', HOME: '/h' }))).toBe(
      '/x/c/trustcheck',
    );
    expect(cacheFolderPath(options({ HOME: '/h' }))).toBe('/h/.cache/trustcheck');
    expect(cacheFolderPath(options({ XDG_CACHE_HOME: 'rel', HOME: '/h' }))).toBe(
      '/h/.cache/trustcheck',
    );
    expect(cacheFolderPath(options({ HOME: '/h' }, { platform: 'darwin' }))).toBe(
      '/h/Library/Caches/trustcheck',
    );
    expect(cacheFolderPath(options({ HOME: 'rel' }))).toBeUndefined();
    expect(cacheFolderPath({ env: {}, uid, platform: 'linux', home: () => '/pw' })).toBe(
      '/pw/.cache/trustcheck',
    );
  });
});

describe('safeCacheFolder', () => {
  it('creates the missing folders one by one, mode 0700, and gives the path', () => {
    const xdg = join(dir, 'a', 'b');
    expect(safeCacheFolder(options({ XDG_CACHE_HOME: xdg }))).toBe(join(xdg, 'trustcheck'));
    for (const path of [join(dir, 'a'), xdg, join(xdg, 'trustcheck')]) {
      expect(mode(path)).toBe(0o700);
    }
    // and again, now that it exists
    expect(safeCacheFolder(options({ XDG_CACHE_HOME: xdg }))).toBe(join(xdg, 'trustcheck'));
  });

  it('gives the path with the links above it resolved', () => {
    mkdirSync(join(dir, 'real'), { mode: 0o700 });
    symlinkSync(join(dir, 'real'), join(dir, 'home'));
    expect(safeCacheFolder(options({ HOME: join(dir, 'home') }))).toBe(
      join(dir, 'real', '.cache', 'trustcheck'),
    );
  });

  it('refuses a trustcheck folder that is a link, even to a folder of ours', () => {
    mkdirSync(join(dir, 'c'), { mode: 0o700 });
    mkdirSync(join(dir, 'elsewhere'), { mode: 0o700 });
    symlinkSync(join(dir, 'elsewhere'), join(dir, 'c', 'trustcheck'));
    expect(safeCacheFolder(options({ XDG_CACHE_HOME: join(dir, 'c') }))).toBeUndefined();
  });

  it('refuses a file where the folder should be', () => {
    mkdirSync(join(dir, 'c'), { mode: 0o700 });
    writeFileSync(join(dir, 'c', 'trustcheck'), '');
    expect(safeCacheFolder(options({ XDG_CACHE_HOME: join(dir, 'c') }))).toBeUndefined();
  });

  it.each([
    ['the trustcheck folder', 'c/trustcheck', 0o770],
    ['the trustcheck folder', 'c/trustcheck', 0o707],
    ['the cache folder above it', 'c', 0o775],
    ['the cache folder above it, even with the sticky bit', 'c', 0o1777],
  ])('refuses when %s is writable by others (%o)', (_, folder, bits) => {
    mkdirSync(join(dir, 'c', 'trustcheck'), { recursive: true, mode: 0o700 });
    chmodSync(join(dir, folder), bits);
    expect(safeCacheFolder(options({ XDG_CACHE_HOME: join(dir, 'c') }))).toBeUndefined();
  });

  it('refuses a folder further up that others may write to, unless it has the sticky bit', () => {
    mkdirSync(join(dir, 'shared', 'me', 'c'), { recursive: true, mode: 0o700 });
    const xdg = join(dir, 'shared', 'me', 'c');
    chmodSync(join(dir, 'shared'), 0o777);
    expect(safeCacheFolder(options({ XDG_CACHE_HOME: xdg }))).toBeUndefined();
    // as /tmp: others cannot rename or remove what is not theirs
    chmodSync(join(dir, 'shared'), 0o1777);
    expect(safeCacheFolder(options({ XDG_CACHE_HOME: xdg }))).toBe(join(xdg, 'trustcheck'));
  });

  it('refuses a folder owned by another user', () => {
    mkdirSync(join(dir, 'c', 'trustcheck'), { recursive: true, mode: 0o700 });
    // the folders are this process's user's: for another uid, the trustcheck folder is not its own
    expect(
      safeCacheFolder(options({ XDG_CACHE_HOME: join(dir, 'c') }, { uid: uid + 4242 })),
    ).toBeUndefined();
  });

  it.each([
    ['HOME=/proc/self', { HOME: '/proc/self' }],
    ['XDG_CACHE_HOME=/proc/self', { XDG_CACHE_HOME: '/proc/self' }],
    ['XDG_CACHE_HOME=/sys/kernel', { XDG_CACHE_HOME: '/sys/kernel' }],
    ['XDG_CACHE_HOME=/dev/shm', { XDG_CACHE_HOME: '/dev/shm' }],
  ])('never uses a kernel file system: %s', (_, env) => {
    const started = Date.now();
    expect(safeCacheFolder(options(env))).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('never uses a kernel file system reached through a link', () => {
    symlinkSync('/proc/self', join(dir, 'home'));
    expect(safeCacheFolder(options({ HOME: join(dir, 'home') }))).toBeUndefined();
  });

  it('refuses a FIFO where a folder should be', () => {
    mkdirSync(join(dir, 'c'), { mode: 0o700 });
    spawnSync('mkfifo', [join(dir, 'c', 'trustcheck')]);
    expect(safeCacheFolder(options({ XDG_CACHE_HOME: join(dir, 'c') }))).toBeUndefined();
  });

  it('has no folder where there are no user ids (Windows)', () => {
    expect(
      safeCacheFolder({ env: { XDG_CACHE_HOME: dir }, uid: undefined, platform: 'linux' }),
    ).toBeUndefined();
    expect(
      safeCacheFolder(options({ XDG_CACHE_HOME: dir }, { platform: 'win32' })),
    ).toBeUndefined();
  });
});
