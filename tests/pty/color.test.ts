// Colour on a terminal (tmux), for every combination of --no-color, NO_COLOR and FORCE_COLOR:
// Node's order (tests/support/color-cases.ts). tests/process/color.test.ts runs them in a pipe.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { colorCases, failing, hasEscape, withoutColors } from '../support/color-cases.js';
import { bin, tempDir } from '../support/helpers.js';
import { skipEachWith } from '../support/skip.js';
import { TIMEOUT } from '../support/timeouts.js';
import { privateTmux, tmuxMissing, type Tmux } from '../support/tmux.js';
import { textOf, waitFor } from '../support/wait.js';

describe('colour on a terminal', { timeout: TIMEOUT.pty }, () => {
  skipEachWith(tmuxMissing);
  let dir: string;
  let cleanup: () => void;
  let tmux: Tmux;
  /** What each case printed on the terminal, its colours as tmux shows them. */
  const printed = new Map<string, string>();

  // every case, one after the other, in one terminal: each run's stderr is the terminal itself
  beforeAll(async () => {
    if (tmuxMissing !== undefined) return;
    ({ dir, cleanup } = tempDir());
    const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
    const lines = colorCases.flatMap((c, i) => {
      const env = [
        `PATH=${q(process.env.PATH ?? '')}`,
        `HOME=${q(dir)}`,
        'TERM=xterm-256color',
        ...Object.entries(c.env).map(([k, v]) => `${k}=${q(v)}`),
      ];
      const args = [...c.args, ...failing].map(q).join(' ');
      return [
        `echo 'case ${i}'`,
        `env -i ${env.join(' ')} ${q(process.execPath)} ${q(bin)} ${args}`,
      ];
    });
    writeFileSync(join(dir, 'cases.sh'), `${lines.join('\n')}\necho done > finished\n`);
    tmux = privateTmux();
    tmux(
      ...['new-session', '-d', '-s', 'color', '-x', '250', '-y', String(3 * colorCases.length)],
      `cd ${q(dir)} && sh cases.sh; sleep 60`,
    );
    const screen = () => tmux('capture-pane', '-p', '-e', '-t', 'color');
    await waitFor(
      () => textOf(join(dir, 'finished')),
      (t) => t !== '',
      {
        what: 'every case to have run',
        timeout: TIMEOUT.pty / 2,
        show: screen,
      },
    );
    const text = screen();
    for (const [i, c] of colorCases.entries()) {
      const start = text.indexOf(`case ${i}\n`);
      const end = text.indexOf(`case ${i + 1}\n`);
      expect(start, text).toBeGreaterThanOrEqual(0);
      printed.set(c.name, text.slice(start + `case ${i}\n`.length, end < 0 ? undefined : end));
    }
  });
  afterAll(() => {
    if (tmuxMissing !== undefined) return;
    tmux.end();
    cleanup();
  });

  it.each(colorCases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const out = printed.get(c.name)!;
    expect(withoutColors(out)).toMatch(/^error: /);
    expect(hasEscape(out), out).toBe(c.colored.terminal);
  });
});
