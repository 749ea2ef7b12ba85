// `trustcheck upgrade` in a real pseudo-terminal (tmux): after moving Acme's 1.0.0 answers to the
// newest versions it offers to ask the new statements, asks them with the interview of
// `audit --interactive` (the file holds the answers at once), and ends on the review screen;
// declining leaves them unanswered and says how to answer them later.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bin, fixtures, tempDir } from '../support/helpers.js';
import { TIMEOUT } from '../support/timeouts.js';
import { hasTmux, privateTmux, type Tmux } from '../support/tmux.js';
import { waitFor as waitForText } from '../support/wait.js';

let dir: string;
let cleanup: () => void;
let server: Tmux | undefined;
const session = 'upgrade';

const tmux = (...args: string[]) => server!(...args);
const screen = () => tmux('capture-pane', '-p', '-J', '-t', session);
const keys = (...k: string[]) => tmux('send-keys', '-t', session, ...k);
/** The screen's words, as wrapped lines read: white space collapsed. */
const words = () => screen().replace(/\s+/g, ' ');

/** Polls the screen until `test` holds, up to a deadline; never a fixed wait. */
const waitFor = (test: (text: string) => boolean, what: string): Promise<string> =>
  waitForText(screen, test, { what, timeout: 15_000, interval: 50 });

function start(args: string): void {
  server = privateTmux();
  // the run's caches stay in the test's folder, never in the real home
  const command = `cd ${dir} && NO_COLOR=1 LANG=C XDG_CACHE_HOME=${join(dir, '.cache')} ${process.execPath} ${bin} ${args}; echo $? > exit.txt; sleep 30`;
  tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '50', command);
}

async function exitCode(): Promise<number> {
  const file = join(dir, 'exit.txt');
  const deadline = Date.now() + 15_000;
  while (!existsSync(file) || readFileSync(file, 'utf8').trim() === '') {
    if (Date.now() > deadline) throw new Error(`no exit code; screen:\n${screen()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return Number(readFileSync(file, 'utf8').trim());
}

type Answers = {
  questionnaires: Record<
    string,
    { version: string; answers: Record<string, Record<string, unknown>> }
  >;
};
const saved = () => parse(readFileSync(join(dir, 'acme.yaml'), 'utf8')) as Answers;

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  writeFileSync(
    join(dir, 'acme.yaml'),
    readFileSync(join(fixtures, 'answers', 'valid', 'acme-1.0.0.yaml')),
  );
});
afterEach(() => {
  server?.end();
  server = undefined;
  cleanup();
});

describe.skipIf(!hasTmux)('trustcheck upgrade on a terminal', () => {
  it(
    'asks the new statements with the interview, saving each answer',
    async () => {
      start('upgrade acme.yaml');
      await waitFor((t) => t.includes('❯ Yes, now'), 'the offer');
      expect(screen()).toContain('? Answer the 3 new statements of acme.yaml now?');
      // the file is written before anything is asked
      expect(saved().questionnaires['transparantie-apk']!.version).toBe('2.0.0');
      keys('Enter');
      await waitFor(
        (t) =>
          t.includes('33 of 36 answered') &&
          t.includes('customers cannot make mistakes with it.') &&
          /❯ Yes/.test(t.split('33 of 36 answered').at(-1)!),
        'the first new statement',
      );
      expect(screen()).toContain('Resuming Acme B.V.: 33 of 36 answered');
      keys('Enter'); // customers-cannot-make-mistakes: yes
      await waitFor(
        (t) => t.includes('34 of 36 answered') && t.includes('losing turnover'),
        'the second new statement',
      );
      // the answer is in the file at once
      expect(
        saved().questionnaires['transparantie-apk']!.answers['proactive-warnings']![
          'customers-cannot-make-mistakes'
        ],
      ).toBe('yes');
      keys('Down', 'Enter'); // interest-over-turnover: no
      await waitFor((t) => t.includes('A note'), 'the note prompt');
      keys('Only on request', 'Enter');
      // who will make it true, and by when: skipped
      await waitFor((t) => t.includes('Who will make this true'), 'the owner prompt');
      keys('Enter');
      await waitFor(
        (t) => t.includes('35 of 36 answered') && t.includes('promised your customers'),
        'the third new statement',
      );
      keys('Enter'); // promises-kept: yes
      await waitFor((t) => t.includes('❯ Done: every answer is saved'), 'the review screen');
      keys('Enter');
      expect(await exitCode()).toBe(0);
      expect(words()).toContain(
        'every statement is answered; audit it with `trustcheck audit --answers acme.yaml`',
      );
      const answers = saved().questionnaires['transparantie-apk']!.answers;
      expect(answers['no-profit-from-inattention']!['interest-over-turnover']).toEqual({
        answer: 'no',
        note: 'Only on request',
      });
      expect(answers['promise-and-deliver']!['promises-kept']).toBe('yes');
      expect(existsSync(join(dir, 'acme.yaml.lock'))).toBe(false);
    },
    TIMEOUT.pty,
  );

  it(
    'declined: the new statements stay unanswered, and it says how to answer them',
    async () => {
      start('upgrade acme.yaml');
      await waitFor((t) => t.includes('❯ Yes, now'), 'the offer');
      keys('Down', 'Enter');
      expect(await exitCode()).toBe(0);
      expect(words()).toContain(
        '3 new statements are unanswered (~); answer them in the file, or with `trustcheck audit --answers acme.yaml --interactive`',
      );
      const answers = saved().questionnaires['transparantie-apk']!.answers;
      expect(answers['promise-and-deliver']!['promises-kept']).toBeNull();
      expect(existsSync(join(dir, 'acme.yaml.lock'))).toBe(false);
    },
    TIMEOUT.pty,
  );

  it(
    '--no-interactive only lists them, on a terminal too',
    async () => {
      start('upgrade acme.yaml --no-interactive');
      expect(await exitCode()).toBe(0);
      expect(screen()).not.toContain('now?');
      expect(words()).toContain('3 new statements are unanswered (~)');
    },
    TIMEOUT.pty,
  );
});
