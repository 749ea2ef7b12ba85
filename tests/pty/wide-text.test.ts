// A subject in Japanese with emoji, on a real terminal (tmux): trustcheck wraps its lines itself,
// measured in the terminal's columns (a CJK character and an emoji take two), so the terminal
// never has to break a line in the middle of a word, and every line that goes on is indented.
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/core/text/wrap.js';
import { bin, read, root, tempDir, write } from '../support/helpers.js';
import { TIMEOUT } from '../support/timeouts.js';
import { hasTmux, privateTmux, type Tmux } from '../support/tmux.js';

const subject =
  '株式会社ベーカリー・ファン・デル・ベルグ 🍞👨‍👩‍👧 オランダ支店と東京本社の共同監査チーム';

describe.skipIf(!hasTmux)('wide text on a terminal', () => {
  let dir: string;
  let cleanup: () => void;
  let tmux: Tmux | undefined;

  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
    copyFileSync(join(root, 'examples', 'acme-answers.yaml'), join(dir, 'a.yaml'));
    write(
      join(dir, 'a.yaml'),
      read(join(dir, 'a.yaml')).replace(/^subject: .*$/m, `subject: "${subject}"`),
    );
  });
  afterEach(() => {
    tmux?.end();
    cleanup();
  });

  /** The screen after `args` ran in a terminal `width` columns wide, soft-wrapped lines joined. */
  async function onScreen(args: string, width: number): Promise<string[]> {
    tmux = privateTmux();
    const done = join(dir, 'exit.txt');
    const command = `cd ${dir} && NO_COLOR=1 LANG=C.UTF-8 ${process.execPath} ${bin} ${args}; echo $? > exit.txt; sleep 30`;
    tmux('new-session', '-d', '-s', 'wide', '-x', String(width), '-y', '50', command);
    tmux('set-option', '-t', 'wide', 'history-limit', '5000');
    const deadline = Date.now() + TIMEOUT.pty / 2;
    while (!existsSync(done) || readFileSync(done, 'utf8').trim() === '') {
      if (Date.now() > deadline) throw new Error('trustcheck did not finish in the terminal');
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(readFileSync(done, 'utf8').trim()).toBe('1');
    // -J joins the lines the terminal broke itself: a line wider than the screen is one it broke
    return tmux('capture-pane', '-p', '-J', '-S', '-', '-E', '-', '-t', 'wide')
      .split('\n')
      .map((l) => l.trimEnd())
      .filter((l) => l !== '');
  }

  it(
    'wraps a Japanese subject with emoji at word boundaries, to the terminal’s columns',
    async () => {
      const lines = await onScreen('audit -a a.yaml -o r.md', 50);
      for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(50);
      // the verdict: the subject's words whole, the lines that go on indented under it
      const start = lines.findIndex((l) => l.startsWith('株式会社'));
      expect(lines.slice(start)).toEqual([
        '株式会社ベーカリー・ファン・デル・ベルグ 🍞👨‍👩‍👧',
        '  オランダ支店と東京本社の共同監査チーム: failed,',
        '  7 of 10 questions pass, 32 of 37 statements true',
        '  (exit 1)',
      ]);
    },
    TIMEOUT.pty,
  );
});
