// Input arguments that may be files or folders: a folder stands for the files in it with one of
// the given extensions (and, with `recursive`, those of its subfolders), sorted by path so that
// batch output is deterministic. A named pipe, socket or device in a folder is refused before
// anything is read: opening a pipe nobody writes to would wait for ever.
import { readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import { extname, join } from 'node:path';
import { TrustcheckError } from '../errors.js';

export function expandInputs(
  args: readonly string[],
  extensions: readonly string[],
  what: string,
  options: { recursive?: boolean } = {},
): string[] {
  const files: string[] = [];
  for (const arg of args) {
    let isDirectory = false;
    try {
      isDirectory = statSync(arg).isDirectory();
    } catch {
      // a missing file is reported by the reader, with its own message
    }
    if (!isDirectory) {
      files.push(arg);
      continue;
    }
    const inside = filesIn(arg, extensions, options.recursive === true, what);
    if (inside.length === 0) {
      throw new TrustcheckError(
        `${arg}: the folder holds no ${what}s (${extensions.join(', ')})${options.recursive === true ? ', nor do its subfolders' : ''}`,
      );
    }
    files.push(...inside);
  }
  return files;
}

function filesIn(
  folder: string,
  extensions: readonly string[],
  recursive: boolean,
  what: string,
): string[] {
  const out: string[] = [];
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  // join(folder, name) for every entry, without normalizing the folder's part each time
  const prefix = join(folder, 'x').slice(0, -1);
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = prefix + entry.name;
    if (entry.isDirectory()) {
      if (recursive) out.push(...filesIn(path, extensions, true, what));
    } else if (extensions.includes(extname(entry.name).toLowerCase())) {
      const special = specialKind(entry, path);
      if (special !== undefined) {
        throw new TrustcheckError(
          `${path}: is ${special}, not ${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what}; trustcheck reads only regular files from a folder: move it out of ${folder}`,
        );
      }
      out.push(path);
    }
  }
  return out;
}

/** What a folder's entry is when it is a pipe, a socket or a device (itself or through a link). */
function specialKind(entry: Dirent, path: string): string | undefined {
  let kind: Dirent | Stats = entry;
  if (entry.isSymbolicLink()) {
    try {
      kind = statSync(path);
    } catch {
      return undefined; // a broken link: the reader says so
    }
  }
  if (kind.isFIFO()) return 'a named pipe (FIFO)';
  if (kind.isSocket()) return 'a socket';
  if (kind.isCharacterDevice() || kind.isBlockDevice()) return 'a device';
  return undefined;
}
