// The whole program in a real pseudo-terminal (tmux): answer a few prompts, Ctrl-C, check the
// saved file and exit code 130, then resume and finish; a whole Dutch audit at 60 columns with
// no English and no split word on screen; Ctrl-C at a note; a bad report path; the review.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bin, root, tempDir } from '../support/helpers.js';
import { TIMEOUT } from '../support/timeouts.js';
import { skipEachWith } from '../support/skip.js';
import { privateTmux, tmuxMissing, type Tmux } from '../support/tmux.js';
import { textOf, waitFor } from '../support/wait.js';

let dir: string;
let cleanup: () => void;
let session: string;
/** The running test's terminal: a tmux server of its own, made anew by each start(). */
let server: Tmux | undefined;

const tmux = (...args: string[]) => server!(...args);
const screen = () => tmux('capture-pane', '-p', '-J', '-t', session);
const keys = (...k: string[]) => tmux('send-keys', '-t', session, ...k);

/** Waits until the screen shows what `until` looks for; returns that screen. */
const onScreen = (until: (text: string) => boolean, what: string): Promise<string> =>
  waitFor(screen, until, { what });

function start(args: string, width = 120): void {
  server?.end();
  server = privateTmux();
  session = 'audit';
  // the shell writes the exit code, then keeps the pane open a while for the test to read it
  const command = `cd ${dir} && NO_COLOR=1 LANG=C ${process.execPath} ${bin} ${args}; echo $? > exit.txt; sleep 30`;
  // a long history for the whole audit, set before the window that gets it is made
  tmux(
    'set-option',
    '-g',
    'history-limit',
    '50000',
    ';',
    'new-session',
    '-d',
    '-s',
    session,
    '-x',
    String(width),
    '-y',
    '40',
    command,
  );
}

/** Every row the audit wrote, as the terminal shows it (not joined: a split word shows). */
const history = () => tmux('capture-pane', '-p', '-S', '-', '-E', '-', '-t', session);

/** The audit's exit code, once the shell around it has written it (the screen if it never does). */
async function exitCode(): Promise<number> {
  const text = await waitFor(
    () => textOf(join(dir, 'exit.txt')),
    (t) => t.trim() !== '',
    { what: 'the exit code', show: screen },
  );
  return Number(text.trim());
}

/** Waits until the prompt for answer number `answered + 1` is on screen. */
const prompt = (answered: number) =>
  onScreen(
    (t) =>
      t.includes(`${answered} of 18 answered`) &&
      /❯ (Yes|No)/.test(t.split(`${answered} of 18 answered`).at(-1)!),
    `prompt ${answered + 1}`,
  );

beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => {
  server?.end();
  server = undefined;
  cleanup();
});

describe('interactive audit in a pseudo-terminal', () => {
  skipEachWith(tmuxMissing);
  it(
    'one session at a time holds an answers file: a second one is refused, naming the holder',
    async () => {
      start('audit --subject Acme -q trustability --assessor Jan --save-answers answers.yaml');
      await prompt(0);
      keys('Enter'); // one answer saved
      await prompt(1);
      // a second session on the same file, in a terminal of its own
      const second = spawnSync(
        'script',
        ['-qec', `${process.execPath} ${bin} audit --resume answers.yaml -o r.json`, '/dev/null'],
        {
          cwd: dir,
          encoding: 'utf8',
          env: { ...process.env, NO_COLOR: '1', LANG: 'C' },
          timeout: 20_000,
        },
      );
      expect(second.status).toBe(2);
      expect(second.stdout).toMatch(
        /answers\.yaml is being answered in another session \(pid \d+ on host /,
      );
      expect(existsSync(join(dir, 'r.json'))).toBe(false);
      // the first session goes on, and its answer is there
      expect(screen()).toContain('1 of 18 answered');
      expect(readFileSync(join(dir, 'answers.yaml'), 'utf8')).toMatch(/warranty-expiry: yes/);
      keys('C-c');
      expect(await exitCode()).toBe(130);
      expect(existsSync(join(dir, 'answers.yaml.lock'))).toBe(false);
    },
    TIMEOUT.pty,
  );

  it(
    'Ctrl-C saves every answer and exits 130; --resume asks the rest and writes the report',
    async () => {
      start('audit --subject Acme -q trustability --assessor Jan --save-answers answers.yaml');
      await prompt(0);
      keys('Enter'); // warranty-expiry: yes
      await prompt(1);
      keys('Down', 'Enter'); // renewal-warning: no
      await onScreen((t) => t.includes('A note'), 'the note prompt');
      keys('Renews silently', 'Enter');
      // who makes it true, and by when: an owner, then a date (one that does not exist refused)
      await onScreen((t) => t.includes('Who will make this true, and by when?'), 'the owner');
      keys('Bas (Finance)', 'Enter');
      await onScreen((t) => t.includes('By when? (YYYY-MM-DD)'), 'the due date');
      keys('2027-02-30', 'Enter');
      await onScreen(
        (t) => t.includes('2027-02-30 does not exist; write a real date.'),
        'the refusal',
      );
      keys(...Array<string>(10).fill('BSpace'), '2027-03-31', 'Enter');
      await prompt(2);
      keys('Enter'); // upgrade-eligibility: yes
      await prompt(3);
      keys('C-c');
      expect(await exitCode()).toBe(130);
      expect(screen()).toContain('continue with: trustcheck audit --resume answers.yaml');
      const saved = parse(readFileSync(join(dir, 'answers.yaml'), 'utf8')) as {
        questionnaires: { trustability: { answers: Record<string, Record<string, unknown>> } };
      };
      const answers = saved.questionnaires.trustability.answers;
      expect(answers['economic-interests']).toEqual({
        'warranty-expiry': 'yes',
        'renewal-warning': {
          answer: 'no',
          note: 'Renews silently',
          action: { owner: 'Bas (Finance)', due: '2027-03-31' },
        },
        'upgrade-eligibility': 'yes',
        'unclaimed-entitlements': null,
        'overbuying-advice': null,
        'competitor-referral': null,
      });
      expect(
        Object.values(answers)
          .flatMap((s) => Object.values(s))
          .filter((a) => a !== null),
      ).toHaveLength(3);

      execFileSync('rm', ['-f', join(dir, 'exit.txt')]);
      start('audit --resume answers.yaml -o report.json');
      await onScreen((t) => t.includes('Resuming Acme: 3 of 18 answered'), 'the resume banner');
      for (let answered = 3; answered < 18; answered++) {
        await prompt(answered);
        keys('Enter');
      }
      await onScreen((t) => t.includes('❯ Done: write the report'), 'the review screen');
      keys('Enter');
      expect(await exitCode()).toBe(1);
      const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as {
        subject: string;
        passed: boolean;
        totals: { statementsSatisfied: number };
      };
      expect(report).toMatchObject({
        subject: 'Acme',
        passed: false,
        totals: { statementsSatisfied: 17 },
      });
      expect(screen()).toContain(
        'Acme: failed, 4 of 5 questions pass, 17 of 18 statements true (exit 1)',
      );
    },
    TIMEOUT.pty,
  );

  it(
    'SIGTERM during a prompt saves like Ctrl-C does',
    async () => {
      start('audit --subject Acme -q trustability --assessor Jan --save-answers answers.yaml');
      await prompt(0);
      keys('Enter');
      await prompt(1);
      const shell = tmux('display-message', '-p', '-t', session, '#{pane_pid}').trim();
      const node = execFileSync('pgrep', ['-P', shell], { encoding: 'utf8' })
        .trim()
        .split('\n')[0]!;
      process.kill(Number(node), 'SIGTERM');
      expect(await exitCode()).toBe(130);
      expect(screen()).toContain('continue with: trustcheck audit --resume answers.yaml');
      const saved = parse(readFileSync(join(dir, 'answers.yaml'), 'utf8')) as {
        questionnaires: { trustability: { answers: Record<string, Record<string, unknown>> } };
      };
      expect(
        saved.questionnaires.trustability.answers['economic-interests']!['warranty-expiry'],
      ).toBe('yes');
      expect(
        saved.questionnaires.trustability.answers['economic-interests']!['renewal-warning'],
      ).toBeNull();
    },
    TIMEOUT.pty,
  );

  it(
    'Ctrl-C at the note prompt keeps the answer it follows',
    async () => {
      start('audit --subject Acme -q trustability --assessor Jan --save-answers answers.yaml');
      await prompt(0);
      keys('Down', 'Enter'); // warranty-expiry: no
      await onScreen((t) => t.includes('A note'), 'the note prompt');
      keys('C-c');
      expect(await exitCode()).toBe(130);
      const saved = parse(readFileSync(join(dir, 'answers.yaml'), 'utf8')) as {
        questionnaires: { trustability: { answers: Record<string, Record<string, unknown>> } };
      };
      expect(saved.questionnaires.trustability.answers['economic-interests']).toMatchObject({
        'warranty-expiry': 'no',
        'renewal-warning': null,
      });
      expect(screen()).toContain('every answer is saved in answers.yaml (1 given now)');
    },
    TIMEOUT.pty,
  );

  it(
    'the review screen changes an earlier answer; a bad report path is asked again',
    async () => {
      start('audit --subject Acme -q trustability --assessor Jan --save-answers answers.yaml');
      for (let answered = 0; answered < 18; answered++) {
        await prompt(answered);
        keys('Enter');
      }
      await onScreen((t) => t.includes('❯ Done: write the report'), 'the review screen');
      keys('Down', 'Enter'); // the first question
      await onScreen(
        (t) => t.includes('Which statement do you want to answer again?'),
        'statements',
      );
      keys('Down', 'Enter'); // renewal-warning
      await onScreen(
        (t) => /❯ Yes/.test(t.split('Which statement').at(-1)!),
        'the statement again',
      );
      keys('Down', 'Enter');
      await onScreen((t) => t.includes('A note'), 'the note prompt');
      keys('Renews silently', 'Enter');
      await onScreen((t) => t.includes('Who will make this true'), 'the owner');
      keys('Enter'); // skipped
      await onScreen(
        (t) => /❯ Done: write the report/.test(t.split('Who will make this true').at(-1)!),
        'the review again',
      );
      expect(screen()).toContain('✗ no  5/6 (no owner yet for 1 statement) Do you');
      keys('Enter');
      await onScreen((t) => t.includes('Write the report to'), 'the report path');
      keys('missing/report.md', 'Enter');
      await onScreen((t) => t.includes('the folder missing does not exist'), 'the path problem');
      keys(...Array<string>(20).fill('BSpace'), 'report.md', 'Enter');
      expect(await exitCode()).toBe(1);
      expect(existsSync(join(dir, 'report.md'))).toBe(true);
      const saved = parse(readFileSync(join(dir, 'answers.yaml'), 'utf8')) as {
        questionnaires: { trustability: { answers: Record<string, Record<string, unknown>> } };
      };
      expect(
        saved.questionnaires.trustability.answers['economic-interests']!['renewal-warning'],
      ).toEqual({
        answer: 'no',
        note: 'Renews silently',
      });
    },
    TIMEOUT.pty,
  );

  it('a whole Dutch audit at 60 columns: no English on screen, no word split across lines', async () => {
    start('audit --lang nl --save-answers antwoorden.yaml', 60);
    // every screen seen on the way: hints and messages vanish from the history once answered
    const seen: string[] = [];
    const see = async (wait: Promise<string>) => seen.push(await wait);
    // who answers first: a name, then a role (Enter would skip them)
    await see(onScreen((t) => t.includes('Je naam (Enter om over te slaan)'), 'the name prompt'));
    keys('Anna de Vries', 'Enter');
    await see(onScreen((t) => t.includes('Je rol, bijvoorbeeld'), 'the role prompt'));
    keys('Verkoop', 'Enter');
    await see(
      onScreen((t) => t.includes('Welke organisatie licht je door?'), 'the subject prompt'),
    );
    keys('Enter'); // nothing: asked again, in Dutch
    await see(
      onScreen((t) => t.includes('Geef de naam van de organisatie.'), 'the required message'),
    );
    keys('Kapsalon Knip', 'Enter');
    await see(onScreen((t) => t.includes('Welke vragenlijsten?'), 'the questionnaires'));
    keys('Enter');
    const dutchPrompt = (answered: number) =>
      onScreen(
        (t) =>
          t.includes(`${answered} van 36 beantwoord`) &&
          /❯ (Ja|Nee)/.test(t.split(`${answered} van 36 beantwoord`).at(-1)!),
        `prompt ${answered + 1}`,
      );
    await see(dutchPrompt(0));
    keys('Down', 'Down', 'Down', 'Enter'); // Uitleg
    await see(onScreen((t) => t.includes('(onze vertaling uit het Engelse artikel)'), 'the help'));
    await see(dutchPrompt(0));
    keys('Down', 'Down', 'Enter'); // niet van toepassing
    await see(onScreen((t) => t.includes('toelichting verplicht'), 'the note prompt'));
    keys('Enter'); // no note: refused, in Dutch
    await see(
      onScreen((t) => t.includes('Niet van toepassing vraagt om een toelichting.'), 'the refusal'),
    );
    keys('We verkopen niets met garantie', 'Enter');
    await see(dutchPrompt(1));
    keys('Down', 'Enter'); // nee
    await see(onScreen((t) => t.includes('Een toelichting'), 'the note prompt'));
    keys('Verlengt stilzwijgend', 'Enter');
    await see(onScreen((t) => t.includes('Wie maakt dit waar, en wanneer?'), 'the owner prompt'));
    keys('Enter'); // skipped
    for (let answered = 2; answered < 36; answered++) {
      await see(dutchPrompt(answered));
      keys('Enter');
    }
    await see(onScreen((t) => t.includes('❯ Klaar: schrijf het rapport'), 'the review'));
    keys('Enter');
    await see(onScreen((t) => t.includes('Rapport opslaan als'), 'the report path'));
    keys(...Array<string>(30).fill('BSpace'), 'map/rapport.md', 'Enter');
    await see(onScreen((t) => t.includes('de map map bestaat niet'), 'the path problem'));
    keys(...Array<string>(30).fill('BSpace'), 'rapport.md', 'Enter');
    expect(await exitCode()).toBe(1);
    const rows = history();
    expect(rows).toContain('Kapsalon Knip: niet voldaan, 9 van 10 vragen voldaan');
    // the name and role are in the answers file
    const saved = readFileSync(join(dir, 'antwoorden.yaml'), 'utf8');
    expect(saved).toMatch(/^assessor: "?Anna de Vries"?$/m);
    expect(saved).toMatch(/^role: "?Verkoop"?$/m);
    for (const word of ENGLISH_UI) {
      for (const text of [rows, ...seen]) expect(text, String(word)).not.toMatch(word);
    }
    // every word on screen is a word of the questionnaires, of trustcheck's texts, or typed
    const known = new Set(
      [
        // the newest versions, which an interactive audit asks
        ...['trustability/1.1.1.yaml', 'transparantie-apk/2.0.0.yaml'].map((file) =>
          readFileSync(join(root, 'questionnaires', file), 'utf8'),
        ),
        ...TEXT_SOURCES.map((f) => readFileSync(join(root, f), 'utf8')),
        'Anna de Vries Verkoop Kapsalon Knip We verkopen niets met garantie Verlengt stilzwijgend antwoorden.yaml rapport.md map/rapport.md',
      ].flatMap(words),
    );
    const rowsOnScreen = rows.split('\n');
    const unknown = rowsOnScreen.flatMap(words).filter((w) => !known.has(w) && !/\d/.test(w));
    expect(unknown).toEqual([]);
    for (const row of rowsOnScreen) expect(row.length).toBeLessThanOrEqual(60);
  }, 120_000);
});

/** English words of trustcheck's screen that a Dutch audit must not show. */
const ENGLISH_UI = [
  /navigate/,
  /\bselect/,
  /submit/,
  /You must/,
  /\bYes\b/,
  /Not applicable/,
  /\bHelp\b/,
  /\bBack\b/,
  /question/,
  /answered/,
  /statements?\b/,
  /not satisfied/,
  /not true/,
  /\bpassed\b/,
  /\bfailed\b/,
  /\bwrote\b/,
  /\bDone\b/,
  /Review/,
  /Write the report/,
  /Resuming/,
  /interrupted/,
  /\bexit \d/,
  /the folder/,
];

/** The files whose words trustcheck shows on a terminal. */
const TEXT_SOURCES = [
  'src/core/language.ts',
  'src/interactive/texts.ts',
  'src/core/render/terminal.ts',
  'src/core/render/verdict.ts',
  'src/cli/output.ts',
  'src/cli/report-output.ts',
];

/** The words of a text, without the punctuation around them. */
function words(text: string): string[] {
  return text
    .split(/[\s/]+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => /\p{L}/u.test(w));
}
