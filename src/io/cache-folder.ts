// The per-user folder where Node's compile cache may keep trustcheck's compiled code. Code is
// loaded from it, so it must be a folder that only this user (or root) can change, now and
// later: every folder on its path is checked with lstat (a real folder, not a link; owned by
// this user or root; not writable by others, unless the sticky bit keeps them from replacing
// what is not theirs), and the last two levels are this user's own or root's and writable by
// no one else. Missing folders are created one level at a time, mode 0700, with a plain mkdir:
// a recursive mkdir never returns under /proc (HOME=/proc/self). Nothing under /proc, /sys or
// /dev is used. Any doubt means no folder, and then trustcheck loads without a cache.
import { lstatSync, mkdirSync, realpathSync, type Stats } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve, sep } from 'node:path';

export interface CacheFolderOptions {
  env: Readonly<Record<string, string | undefined>>;
  /** The home folder when HOME is not set (os.homedir()). */
  home?: () => string | undefined;
  /** This user's id; undefined where there are none (Windows): then there is no cache. */
  uid: number | undefined;
  platform: string;
}

/** Kernel file systems: their files are not files, and a recursive mkdir there never ends. */
const KERNEL = ['/proc', '/sys', '/dev'];

/** Where the cache would be: `$XDG_CACHE_HOME/trustcheck`, else the OS's cache folder's. */
export function cacheFolderPath(options: CacheFolderOptions): string | undefined {
  const xdg = options.env.XDG_CACHE_HOME;
  // the XDG spec: a relative path is invalid and is ignored
  if (xdg !== undefined && isAbsolute(xdg)) return join(resolve(xdg), 'trustcheck');
  const home = options.env.HOME || options.home?.();
  if (home === undefined || !isAbsolute(home)) return undefined;
  return options.platform === 'darwin'
    ? join(resolve(home), 'Library', 'Caches', 'trustcheck')
    : join(resolve(home), '.cache', 'trustcheck');
}

const underKernel = (path: string): boolean =>
  KERNEL.some((k) => path === k || path.startsWith(`${k}/`));

/**
 * The cache folder, checked (and created where missing), as a path with no link in it; or
 * undefined when there is none that is safe to load code from. Never throws.
 */
export function safeCacheFolder(options: CacheFolderOptions): string | undefined {
  const { uid } = options;
  // POSIX only: ownership is what makes the folder safe
  if (uid === undefined || options.platform === 'win32') return undefined;
  const wanted = cacheFolderPath(options);
  if (wanted === undefined || underKernel(wanted)) return undefined;
  try {
    // the cache folder and the trustcheck folder are never links (one above them, such as a
    // home folder that is one, is resolved: the folders it leads to are checked instead)
    for (const path of [wanted, dirname(wanted)]) {
      if (lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink() === true) return undefined;
    }
    // the deepest folder that exists, its links resolved; the rest is to be created
    let existing = wanted;
    const missing: string[] = [];
    while (lstatSync(existing, { throwIfNoEntry: false }) === undefined) {
      const parent = dirname(existing);
      if (parent === existing) return undefined;
      missing.unshift(basename(existing));
      existing = parent;
    }
    const real = join(realpathSync.native(existing), ...missing);
    if (underKernel(real)) return undefined;
    const parts = real.split(sep).filter((part) => part !== '');
    if (parts.length < 2) return undefined;
    let path: string = sep;
    if (!safeAncestor(lstatSync(path), uid)) return undefined;
    for (const [i, part] of parts.entries()) {
      path = join(path, part);
      let stat = lstatSync(path, { throwIfNoEntry: false });
      if (stat === undefined) {
        try {
          mkdirSync(path, { mode: 0o700 });
        } catch (error) {
          // made meanwhile by someone else: checked below like any folder
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return undefined;
        }
        stat = lstatSync(path);
      }
      const level = parts.length - i; // 1: the trustcheck folder, 2: the cache folder
      const safe =
        level === 1
          ? stat.isDirectory() && stat.uid === uid && (stat.mode & 0o022) === 0
          : level === 2
            ? stat.isDirectory() &&
              (stat.uid === uid || stat.uid === 0) &&
              (stat.mode & 0o022) === 0
            : safeAncestor(stat, uid);
      if (!safe) return undefined;
    }
    return real;
  } catch {
    return undefined;
  }
}

/** A folder above the cache: no one but this user and root can replace what is below it. */
function safeAncestor(stat: Stats, uid: number): boolean {
  if (!stat.isDirectory()) return false;
  if (stat.uid !== uid && stat.uid !== 0) return false;
  // writable by others only with the sticky bit (as /tmp): then they cannot rename our folder
  return (stat.mode & 0o022) === 0 || (stat.mode & 0o1000) !== 0;
}
