// Node's own compile cache (module.enableCompileCache, Node 22.1 and later) for the program,
// in the per-user folder that io/cache-folder.ts has checked; without such a folder, or on an
// older Node, the program is compiled as usual. bin/trustcheck.cjs calls this before it loads
// the program (dist/cli.cjs), which is then compiled from the cache when Node has one for it.
// Node checks each cache file against the source it is for (size and hash) and writes it
// through a temp file and a rename. NODE_DISABLE_COMPILE_CACHE=1 turns it off; a
// NODE_COMPILE_CACHE folder of the user's own choosing is left as it is.
import * as nodeModule from 'node:module';
import { homedir } from 'node:os';
import { safeCacheFolder } from '../io/cache-folder.js';

type Enable = (directory: string) => unknown;

/** Turns the compile cache on when it can be; returns the folder, or undefined. */
export function enableCompileCache(
  env: Readonly<Record<string, string | undefined>> = process.env,
): string | undefined {
  const enable = (nodeModule as { enableCompileCache?: Enable }).enableCompileCache;
  if (typeof enable !== 'function') return undefined;
  if (env.NODE_DISABLE_COMPILE_CACHE !== undefined || env.NODE_COMPILE_CACHE !== undefined) {
    return undefined;
  }
  const folder = safeCacheFolder({
    env,
    home: () => {
      try {
        return homedir();
      } catch {
        return undefined;
      }
    },
    uid: typeof process.getuid === 'function' ? process.getuid() : undefined,
    platform: process.platform,
  });
  if (folder === undefined) return undefined;
  try {
    enable(folder);
  } catch {
    // no cache: compiled as usual
    return undefined;
  }
  return folder;
}
