// Colour in a pipe, for every combination of --no-color, NO_COLOR and FORCE_COLOR: Node's order
// (tests/support/color-cases.ts). tests/pty/color.test.ts runs the same cases on a terminal.
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { colorCases, failing, hasEscape, withoutColors } from '../support/color-cases.js';
import { bin, root, tempDir } from '../support/helpers.js';

describe('colour in a pipe', () => {
  // a home of its own: nothing of the test process's environment but PATH
  const { dir: home, cleanup } = tempDir();
  afterAll(cleanup);

  it.each(colorCases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = spawnSync(process.execPath, [bin, ...c.args, ...failing], {
      cwd: root,
      // only the case's variables decide
      env: { PATH: process.env.PATH, HOME: home, ...c.env },
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(withoutColors(result.stderr)).toMatch(/^error: /);
    expect(hasEscape(result.stderr), result.stderr).toBe(c.colored.pipe);
  });
});
