// The library as a user's script meets it: an error thrown inside trustcheck has a stack trace
// that names trustcheck's own functions (dist/index.js is not minified), and with Node's
// --enable-source-maps its own source files and lines.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { root, tempDir, write } from '../support/helpers.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  write(
    join(dir, 'use.mjs'),
    `import { loadAnswers } from ${JSON.stringify(pathToFileURL(join(root, 'dist', 'index.js')).href)};
try {
  loadAnswers('missing.yaml');
} catch (error) {
  console.log(error.name);
  console.log(error.stack);
}
`,
  );
});
afterEach(() => cleanup());

/** The stack's frames: `at NAME (FILE:LINE:COL)`, as name and file. */
function frames(stack: string): { name: string; file: string }[] {
  return [...stack.matchAll(/^\s+at (\S+) \((.+?):\d+:\d+\)$/gm)].map((m) => ({
    name: m[1]!,
    file: m[2]!,
  }));
}

describe('a stack trace from the library', () => {
  it('names the functions it went through', () => {
    const result = spawnSync(process.execPath, ['use.mjs'], { cwd: dir, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n')[0]).toBe('TrustcheckError');
    const names = frames(result.stdout).map((f) => f.name);
    // TrustcheckError.fromIssues, then unwrap, then the API function the script called
    expect(names.slice(0, 3)).toEqual(['TrustcheckError.fromIssues', 'unwrap', 'loadAnswers']);
    expect(frames(result.stdout)[0]!.file).toMatch(/dist\/index\.js$/);
  });

  it('points into the sources with --enable-source-maps', () => {
    const result = spawnSync(process.execPath, ['--enable-source-maps', 'use.mjs'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    const [thrower, unwrapper, caller] = frames(result.stdout);
    expect(thrower!.file).toMatch(/src\/errors\.ts$/);
    expect(unwrapper).toEqual({ name: 'unwrap', file: expect.stringMatching(/src\/errors\.ts$/) });
    expect(caller).toEqual({
      name: 'loadAnswers',
      file: expect.stringMatching(/src\/index\.ts$/),
    });
  });
});
