// A newcomer's first commands in a clone, as the README gives them: the quick start's report
// redirected into a file with no npm banner in it, `npx trustcheck` in the clone, and a
// questionnaire read on a terminal as plain text (a real pseudo-terminal, tmux).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bin, cleanEnv, read, root, tempDir } from '../support/helpers.js';
import { TIMEOUT } from '../support/timeouts.js';
import { skipEachWith } from '../support/skip.js';
import { privateTmux, tmuxMissing, type Tmux } from '../support/tmux.js';
import { textOf, waitFor } from '../support/wait.js';

const readme = read(join(root, 'README.md'));
const npmEnv = cleanEnv({ npm_config_update_notifier: 'false', npm_config_fund: 'false' });

describe('the README in a clone', () => {
  it(
    'npm start --silent, as documented, redirects a report with no npm banner in it',
    () => {
      const documented = /^(?:npm ci && )?npm start --silent -- (audit .*) > report\.md$/m.exec(
        readme,
      );
      expect(documented, 'the README documents npm start --silent … > report.md').not.toBeNull();
      const args = documented![1]!.split(' ');
      const silent = spawnSync('npm', ['start', '--silent', '--', ...args], {
        cwd: root,
        env: npmEnv,
        encoding: 'utf8',
      });
      expect(silent.status, silent.stderr).toBe(0);
      expect(silent.stdout).toMatch(/^# Trustability test and Transparency check-up: Acme B\.V\./);
      expect(silent.stdout).not.toContain('> trustcheck@');
      // the report is what trustcheck itself writes, byte for byte
      const direct = spawnSync(process.execPath, [bin, ...args], {
        cwd: root,
        env: cleanEnv(),
        encoding: 'utf8',
      });
      expect(silent.stdout).toBe(direct.stdout);
      // without --silent npm writes its banner to stdout: why the README says --silent
      const loud = spawnSync('npm', ['start', '--', ...args], {
        cwd: root,
        env: npmEnv,
        encoding: 'utf8',
      });
      expect(loud.stdout).toMatch(/^\s*> trustcheck@/);
    },
    TIMEOUT.shell,
  );

  it('npx trustcheck runs the clone, as the README says', () => {
    expect(readme).toContain('npx trustcheck questionnaires list');
    const result = spawnSync('npx', ['--no-install', 'trustcheck', 'questionnaires', 'list'], {
      cwd: root,
      env: npmEnv,
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^ID +VERSION/);
    expect(result.stdout).toContain('trustability');
  });
});

describe('questionnaires show on a terminal', () => {
  skipEachWith(tmuxMissing);
  let dir: string;
  let cleanup: () => void;
  let tmux: Tmux | undefined;

  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => {
    tmux?.end();
    cleanup();
  });

  /** Runs trustcheck in a pseudo-terminal `width` columns wide; returns the whole screen. */
  async function onScreen(args: string, width: number): Promise<string> {
    tmux?.end();
    tmux = privateTmux();
    const session = 'show';
    const command = `cd ${dir} && NO_COLOR=1 LANG=C ${process.execPath} ${bin} ${args}; echo $? > exit.txt; sleep 30`;
    // the history limit is set before the window that gets it is made
    tmux(
      ...['set-option', '-g', 'history-limit', '5000', ';'],
      ...['new-session', '-d', '-s', session, '-x', String(width), '-y', '50', command],
    );
    // the whole output, scrolled-off lines too, as the terminal shows it (no -J: lines as wrapped)
    const history = () => tmux!('capture-pane', '-p', '-S', '-', '-E', '-', '-t', session);
    const code = await waitFor(
      () => textOf(join(dir, 'exit.txt')),
      (t) => t.trim() !== '',
      { what: 'trustcheck to finish in the terminal', timeout: TIMEOUT.pty / 2, show: history },
    );
    expect(code.trim(), history()).toBe('0');
    return history();
  }

  it(
    'questionnaires show trustability prints plain text wrapped to the terminal, no escapes',
    async () => {
      const screen = await onScreen('questionnaires show trustability', 72);
      expect(screen).toContain('Trustability test (trustability@1.1.1)');
      expect(screen).toContain('Don Peppers & Martha Rogers');
      expect(screen).not.toContain('&amp;');
      expect(screen).not.toMatch(/\\[()[\]*_#.!-]/);
      expect(screen).not.toContain('**');
      expect(screen).not.toMatch(/^#/m);
      const lines = screen.split('\n').filter((l) => l.trim() !== '');
      expect(lines.length).toBeGreaterThan(50);
      // wrapped by trustcheck, not by the terminal: every line is shorter than the screen
      for (const line of lines) expect([...line.trimEnd()].length).toBeLessThan(72);
    },
    TIMEOUT.pty,
  );
});
