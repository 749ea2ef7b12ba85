// Completion in the real shells on a real terminal (tmux): bash, zsh and fish, each with the
// script installed as the docs say, a line typed and TAB pressed as a user does. The whole screen
// is read: every word on it must be one the line can become, each of those must be there, and
// nothing else may be (an error of a completion function, a file that is not a questionnaire).
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  builtinIds as ids,
  declaredProgram,
  shipped,
  specAt,
  versionsOf,
} from '../support/completion.js';
import { bin, run, tempDir } from '../support/helpers.js';
import { skipEachWith } from '../support/skip.js';
import { TIMEOUT } from '../support/timeouts.js';
import { privateTmux, tmuxMissing, type Tmux } from '../support/tmux.js';
import { waitFor } from '../support/wait.js';

/** Whether the process `pid` still runs. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const has = (shell: string): boolean =>
  spawnSync('sh', ['-c', `command -v ${shell}`], { encoding: 'utf8' }).status === 0;

/** How long a screen may take to show what it should, on a loaded machine. */
const patience = TIMEOUT.pty / 3;

const { specs } = await declaredProgram();
/** The values of a command's first argument, as declared (`schema NAME`, `completion SHELL`). */
const argumentChoices = (path: string): string[] => {
  const value = specAt(specs, path).args[0]?.value;
  return value?.kind === 'choices' ? [...value.values] : [];
};

/** A line typed, and every word its last word can become: what TAB must show, and only that. */
interface Case {
  typed: string;
  offers: string[];
}

const questionnaireFiles = ['acme.yaml', 'check.yml', 'checks/', 'reports/'];
/** What each shell offers for a REF: the files, each id, and (zsh, fish) each id@version. */
const refs = (shell: string): string[] => [
  ...questionnaireFiles,
  ...ids,
  ...(shell === 'bash' ? [] : ids.flatMap(versionsOf)),
];
const cases = (shell: string): Case[] => [
  { typed: 'trustcheck questionnaires show ', offers: refs(shell) },
  { typed: 'trustcheck audit -q ', offers: refs(shell) },
  { typed: 'trustcheck audit -q trustability@', offers: versionsOf('trustability') },
  {
    typed: 'trustcheck audit --questionnaire=trustability@',
    offers: versionsOf('trustability').map((v) => `--questionnaire=${v}`),
  },
  { typed: 'trustcheck audit -f ', offers: ['github', 'html', 'json', 'junit', 'md'] },
  { typed: 'trustcheck audit --format=j', offers: ['--format=json', '--format=junit'] },
  { typed: 'trustcheck schema ', offers: argumentChoices('schema') },
  { typed: 'trustcheck completion ', offers: argumentChoices('completion') },
];
/** The longest start all the words share. */
function commonStart(words: readonly string[]): string {
  let start = words[0] ?? '';
  for (const w of words) while (!w.startsWith(start)) start = start.slice(0, -1);
  return start;
}

/**
 * Whether `shown` (a word on the screen) is the candidate `word`: the same, or its end as bash
 * shows it (from the @, after the =) or fish does (its common start cut to "…").
 */
function isShown(shown: string, word: string): boolean {
  const [s, w] = [shown.replace(/\/$/, ''), word.replace(/\/$/, '')];
  if (s === w) return true;
  if (s.startsWith('…')) return w.endsWith(s.slice(1));
  return w.endsWith(s) && (s.startsWith('@') || w[w.length - s.length - 1] === '=');
}

/**
 * The words a screen shows below the prompt: zsh's descriptions (after " -- ") and fish's (in
 * parentheses) are left out; every other word is a candidate, or something that must not be
 * there.
 */
function wordsOnScreen(screen: string, prompt: string): string[] {
  return screen
    .split('\n')
    .filter((l) => !l.startsWith(prompt) && l.trim() !== '')
    .flatMap((line) => {
      let text = line.replace(/ -- .*$/, '');
      for (let before = ''; before !== text;) {
        before = text;
        text = text.replace(/\([^()]*\)/g, '');
      }
      return text.split(/\s+/).filter((w) => w !== '');
    });
}

interface Shell {
  name: 'bash' | 'zsh' | 'fish';
  prompt: string;
  /** The shell, started with nothing of the user's own set-up. */
  command: (dir: string) => string;
  /** Typed once it runs: a prompt to tell, and the completion loaded as the docs say. */
  setup?: (dir: string) => string;
  /**
   * The keys that list the candidates after a first TAB inserted what they share (none: that
   * TAB listed them too). bash rings the bell on the next TAB, and lists on the one after.
   */
  listAfterInsert: string[];
  /** Whether a first TAB that inserts nothing lists the candidates (bash wants a second). */
  listsOnFirstTab: boolean;
  /** The keys that leave the line typed and its candidates for an empty line. */
  cancel: string[];
}

const shells: Shell[] = [
  {
    name: 'bash',
    prompt: '$ ',
    command: () => 'bash --norc --noprofile',
    setup: () =>
      `PS1='$ '; bind 'set bell-style none'; source <(trustcheck completion bash); cd work; clear`,
    listAfterInsert: ['Tab', 'Tab'],
    listsOnFirstTab: false,
    cancel: ['C-c'],
  },
  {
    name: 'zsh',
    prompt: '% ',
    command: () => 'zsh -f',
    // installed in a folder of $fpath, loaded by compinit, as docs/commands.md says
    setup: (dir) =>
      `PROMPT='%% '; fpath=(${dir}/fpath $fpath); autoload -U compinit; compinit -u -D; cd work; clear`,
    listAfterInsert: ['Tab'],
    listsOnFirstTab: true,
    cancel: ['C-c'],
  },
  {
    // ~/.config/fish/completions/trustcheck.fish, autoloaded; config.fish sets the prompt
    name: 'fish',
    prompt: '> ',
    command: () => 'fish',
    setup: () => 'cd work; clear',
    listAfterInsert: [],
    listsOnFirstTab: true,
    // the first closes the list of candidates, the second the line
    cancel: ['C-c', 'C-c'],
  },
];

for (const shell of shells) {
  describe(`${shell.name} on a terminal`, { timeout: TIMEOUT.pty }, () => {
    const missing = tmuxMissing ?? (has(shell.name) ? undefined : `${shell.name} is not installed`);
    skipEachWith(missing);
    let dir: string;
    let cleanup: () => void;
    let tmux: Tmux;
    const target = ['-t', shell.name];
    const screen = () => tmux('capture-pane', '-p', ...target);
    const promptLine = () => screen().split('\n')[0]!.trimEnd();

    beforeAll(async () => {
      if (missing !== undefined) return;
      ({ dir, cleanup } = tempDir());
      const work = join(dir, 'work');
      mkdirSync(join(work, 'reports'), { recursive: true });
      mkdirSync(join(work, 'checks'));
      for (const file of ['acme.yaml', 'check.yml', 'baseline.json', 'notes.txt', 'checks/a.md']) {
        writeFileSync(join(work, file), '');
      }
      // trustcheck on the PATH, as installed
      mkdirSync(join(dir, 'bin'));
      writeFileSync(
        join(dir, 'bin', 'trustcheck'),
        `#!/bin/sh\nexec ${process.execPath} ${bin} "$@"\n`,
      );
      chmodSync(join(dir, 'bin', 'trustcheck'), 0o755);
      mkdirSync(join(dir, 'fpath'));
      writeFileSync(join(dir, 'fpath', '_trustcheck'), run(['completion', 'zsh']).stdout);
      const fish = join(dir, 'config', 'fish');
      mkdirSync(join(fish, 'completions'), { recursive: true });
      writeFileSync(
        join(fish, 'completions', 'trustcheck.fish'),
        run(['completion', 'fish']).stdout,
      );
      writeFileSync(
        join(fish, 'config.fish'),
        "set -g fish_greeting\nfunction fish_prompt; echo -n '> '; end\nset -g fish_autosuggestion_enabled 0\n",
      );
      // a fish that finds no generated completions starts making them from every man page, in
      // the background, into this folder: there are some already
      mkdirSync(join(dir, 'data', 'fish', 'generated_completions'), { recursive: true });

      tmux = privateTmux();
      const env = [
        `PATH=${join(dir, 'bin')}:${process.env.PATH}`,
        `HOME=${dir}`,
        `XDG_CONFIG_HOME=${join(dir, 'config')}`,
        `XDG_DATA_HOME=${join(dir, 'data')}`,
        'TERM=xterm',
        'LANG=C.UTF-8',
      ];
      tmux(
        ...['new-session', '-d', '-s', shell.name, '-x', '200', '-y', '50', '-c', dir],
        `env -i ${env.join(' ')} ${shell.command(dir)}`,
      );
      // the shell's first prompt, then the set-up, then a clear screen with only the prompt
      await waitFor(screen, (s) => s.trim() !== '', {
        what: `${shell.name} to start`,
        timeout: patience,
      });
      if (shell.setup) tmux('send-keys', ...target, '-l', shell.setup(dir));
      tmux('send-keys', ...target, 'Enter');
      await cleared();
    });
    afterAll(async () => {
      if (missing !== undefined) return;
      // the shell writes its history as it ends: the folder is removed once it has
      const shellPid = Number(tmux('display-message', '-p', ...target, '#{pane_pid}'));
      tmux.end();
      await waitFor(
        () => (alive(shellPid) ? 'running' : 'ended'),
        (s) => s === 'ended',
        {
          what: `${shell.name} to end`,
          timeout: patience,
        },
      );
      cleanup();
    });

    /** Waits for a screen with nothing on it but the prompt. */
    async function cleared(): Promise<void> {
      await waitFor(screen, (s) => s.trim() === shell.prompt.trim(), {
        what: `${shell.name}'s prompt alone on a clear screen`,
        timeout: patience,
      });
    }

    /**
     * An empty line on a clear screen, whatever TAB left on it. Each key waits for the screen to
     * show the one before took effect: a shell given `clear` before it has handled the cancel
     * may drop the typed line with it.
     */
    async function clearLine(): Promise<void> {
      if (screen().trim() === shell.prompt.trim()) return;
      tmux('send-keys', ...target, ...shell.cancel);
      const last = (text: string) => text.trimEnd().split('\n').at(-1)!.trimEnd();
      await waitFor(screen, (text) => last(text) === shell.prompt.trimEnd(), {
        what: `an empty line after ${shell.cancel.join(' ')}`,
        timeout: patience,
      });
      tmux('send-keys', ...target, '-l', 'clear');
      await waitFor(screen, (text) => last(text) === `${shell.prompt}clear`, {
        what: '"clear" typed on the empty line',
        timeout: patience,
      });
      tmux('send-keys', ...target, 'Enter');
      await cleared();
    }

    /** Types `typed`, presses TAB as a user would to see the candidates, returns the screen. */
    async function tab({ typed, offers }: Case): Promise<string> {
      await clearLine();
      tmux('send-keys', ...target, '-l', typed);
      await waitFor(promptLine, (l) => l === `${shell.prompt}${typed}`.trimEnd(), {
        what: `the typed line "${typed}"`,
        timeout: patience,
      });
      const last = typed.split(' ').at(-1)!;
      const shared = commonStart(offers);
      const inserts = shared.length > last.length && offers.length > 1;
      if (inserts && shell.listAfterInsert.length > 0) {
        // the first TAB inserts what the candidates share; then they are listed
        const line = `${shell.prompt}${typed.slice(0, typed.length - last.length)}${shared}`;
        tmux('send-keys', ...target, 'Tab');
        await waitFor(promptLine, (l) => l === line, {
          what: `TAB to insert "${shared}"`,
          timeout: patience,
        });
        tmux('send-keys', ...target, ...shell.listAfterInsert);
      } else if (!inserts && !shell.listsOnFirstTab) {
        tmux('send-keys', ...target, 'Tab', 'Tab');
      } else {
        tmux('send-keys', ...target, 'Tab');
      }
      return await waitFor(
        screen,
        (s) => {
          const shown = wordsOnScreen(s, shell.prompt);
          return offers.every((o) => shown.some((w) => isShown(w, o)));
        },
        { what: `the candidates for "${typed}"`, timeout: patience },
      );
    }

    it.each(cases(shell.name).map((c) => [c.typed, c] as const))(
      '%s: the candidates, each shown, and nothing else on the screen',
      async (_typed, c) => {
        const onScreen = await tab(c);
        const shown = wordsOnScreen(onScreen, shell.prompt);
        const strays = shown.filter((w) => !c.offers.some((o) => isShown(w, o)));
        expect(strays, `on the screen:\n${onScreen}`).toEqual([]);
        if (c.typed.endsWith('show ') && shell.name !== 'bash') {
          // the built-ins with their titles
          expect(onScreen).toMatch(/trustability\s.*Trustability test/);
        }
      },
    );

    it('TAB puts the one id@version that fits on the line whole', async () => {
      // a version that no other version of its questionnaire starts like, but for its last digit
      const [id, version] = ids
        .flatMap((i) => shipped.get(i)!.map((v) => [i, v] as const))
        .find(
          ([i, v]) => shipped.get(i)!.filter((o) => o.startsWith(v.slice(0, -1))).length === 1,
        )!;
      const typed = `trustcheck audit -q ${id}@${version.slice(0, -1)}`;
      await clearLine();
      tmux('send-keys', ...target, '-l', typed);
      tmux('send-keys', ...target, 'Tab');
      await waitFor(
        promptLine,
        (l) => l === `${shell.prompt}trustcheck audit -q ${id}@${version}`,
        {
          what: `${id}@${version} on the line`,
        },
      );
      // nothing below the line: no error, no list
      expect(wordsOnScreen(screen(), shell.prompt)).toEqual([]);
    });
  });
}
