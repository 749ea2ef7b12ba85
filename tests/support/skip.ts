// Tests that need what a machine may lack (the files in ../shared, a shell, root, a kernel
// feature) skip with a note that says what is missing. Vitest keeps the note with the test
// (`ctx.skip(note)`); the reporter in skip-notes.ts prints every note at the end of the run, so a
// clone without ../shared shows why its tests skipped instead of a bare count.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

/** `note` when `present` is false: what is missing, for the skip. */
export const unless = (present: boolean, note: string): string | undefined =>
  present ? undefined : note;

/**
 * Skips every test of the enclosing describe block (or of the file, when called at its top) with
 * `note`, when there is one. The block's beforeAll hooks still run: keep them free of what is
 * missing.
 */
export function skipEachWith(note: string | undefined): void {
  beforeEach((ctx) => {
    if (note !== undefined) ctx.skip(note);
  });
}

/**
 * A file or folder of ../shared, the folder beside the repository that holds what the project
 * does not ship (the seed articles, the JUnit XSD); `missing` is the note when it is not there.
 */
export function shared(relative: string, what: string): { path: string; missing?: string } {
  const path = join(root, '..', 'shared', relative);
  return {
    path,
    missing: unless(
      existsSync(path),
      `needs ../shared/${relative}, ${what}, which sits beside the project's own checkout and is not in the repository`,
    ),
  };
}
