// Looking at the file system without reading a file's content: whether a path exists, and what a
// folder holds. Content is read through read.ts, with its size cap and its checks.
import { existsSync, readdirSync } from 'node:fs';

/** Whether `path` names something that exists (a link is followed). */
export function pathExists(path: string): boolean {
  return path !== '' && existsSync(path);
}

export interface FolderEntry {
  name: string;
  /** A folder (not followed when it is a link). */
  folder: boolean;
}

/** What `folder` holds, in the order the file system gives. Throws when it cannot be listed. */
export function folderEntries(folder: string): FolderEntry[] {
  return readdirSync(folder, { withFileTypes: true }).map((entry) => ({
    name: entry.name,
    folder: entry.isDirectory(),
  }));
}
