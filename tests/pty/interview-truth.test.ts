// In a real pseudo-terminal (tmux), what the interview and an audit say must be true: a note
// written for a No does not follow the answer to Yes unless the user keeps it (English: Clear;
// Dutch: Keep), and a statement that is not true is printed whole, wrapped under its question.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bin, fillTemplate, read, run, setAnswer, tempDir, write } from '../support/helpers.js';
import { TIMEOUT } from '../support/timeouts.js';
import { hasTmux, privateTmux, type Tmux } from '../support/tmux.js';
import { waitFor as waitForText } from '../support/wait.js';

const NOTE = 'Yearly bread subscriptions renew silently';

let dir: string;
let cleanup: () => void;
let server: Tmux | undefined;
const session = 'truth';

const tmux = (...args: string[]) => server!(...args);
const screen = () => tmux('capture-pane', '-p', '-J', '-t', session);
/** Every row the program wrote, as the terminal shows it (rows not joined). */
const rows = () => tmux('capture-pane', '-p', '-S', '-', '-E', '-', '-t', session);
const keys = (...k: string[]) => tmux('send-keys', '-t', session, ...k);

/** A screen's text with its line breaks and indents as single spaces: wrapped text compares whole. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** Polls the screen until `test` holds, up to a deadline; never a fixed wait. */
const waitFor = (test: (text: string) => boolean, what: string): Promise<string> =>
  waitForText(screen, test, { what, timeout: 15_000, interval: 50 });

/** Runs trustcheck with `args` in a terminal of `width` columns; its exit code goes to exit.txt. */
function start(args: string, width: number, env = ''): void {
  server?.end();
  server = privateTmux();
  const command = `cd ${dir} && NO_COLOR=1 LANG=C ${env} ${process.execPath} ${bin} ${args}; echo $? > exit.txt; sleep 60`;
  tmux(
    'new-session',
    '-d',
    '-s',
    session,
    '-x',
    String(width),
    '-y',
    '50',
    'sleep 90',
    ';',
    'set-option',
    '-t',
    session,
    'history-limit',
    '50000',
    ';',
    'new-window',
    '-t',
    session,
    command,
  );
}

async function exitCode(): Promise<number> {
  const file = join(dir, 'exit.txt');
  await waitFor(() => existsSync(file) && readFileSync(file, 'utf8').trim() !== '', 'the exit');
  return Number(readFileSync(file, 'utf8').trim());
}

/** The words of one language's interview. */
const WORDS = {
  en: {
    answered: 'of 18 answered',
    yes: 'Yes',
    no: 'No',
    note: 'A note',
    owner: 'Who will make this true',
    done: 'Done',
    which: 'Which statement',
  },
  nl: {
    answered: 'van 18 beantwoord',
    yes: 'Ja',
    no: 'Nee',
    note: 'Een toelichting',
    owner: 'Wie maakt dit waar',
    done: 'Klaar',
    which: 'Welke uitspraak',
  },
};

/** Waits for the prompt of the answer after `answered`, in the words of `w`. */
const prompt = (w: (typeof WORDS)['en'], answered: number) =>
  waitFor(
    (t) => {
      const after = t.split(`${answered} ${w.answered}`);
      return after.length > 1 && new RegExp(`❯ (${w.yes}|${w.no})`).test(after.at(-1)!);
    },
    `prompt ${answered + 1}`,
  );

/**
 * A whole audit of trustability in `language`: renewal-warning No with NOTE, the rest Yes; then
 * on the review screen renewal-warning changed to Yes, and `decide` pressed on the prompt that
 * shows the old note. Returns what that prompt showed.
 */
async function staleNote(language: 'en' | 'nl', decide: string[]): Promise<string> {
  const w = WORDS[language];
  start(
    `audit --lang ${language} --subject Bakkerij -q trustability --assessor Jan --save-answers answers.yaml -o report.md`,
    80,
  );
  for (let answered = 0; answered < 18; answered++) {
    await prompt(w, answered);
    if (answered !== 1) {
      keys('Enter');
      continue;
    }
    keys('Down', 'Enter');
    await waitFor((t) => t.includes(w.note), 'the note prompt');
    keys(NOTE, 'Enter');
    await waitFor((t) => t.includes(w.owner), 'the owner prompt');
    keys('Enter'); // no owner yet
  }
  await waitFor((t) => t.includes(`❯ ${w.done}`), 'the review screen');
  keys('Down', 'Enter'); // the first question
  await waitFor((t) => t.includes(w.which), 'its statements');
  keys('Down', 'Enter'); // renewal-warning
  await waitFor(
    (t) => new RegExp(`❯ ${w.no}\\s*$`, 'm').test(t.split(w.which).at(-1)!),
    'the statement, No chosen',
  );
  keys('Up', 'Enter'); // Yes
  const changed = language === 'nl' ? 'Het antwoord is veranderd' : 'The answer changed';
  const shown = await waitFor(
    (t) => flat(t).includes(`: ${language === 'nl' ? '„' : '“'}${NOTE}`),
    'the old note',
  );
  keys(...decide);
  await waitFor(
    (t) => new RegExp(`❯ ${w.done}`).test(t.split(changed).at(-1)!),
    'the review again',
  );
  keys('Enter');
  expect(await exitCode()).toBe(0);
  return shown;
}

const savedRenewal = () =>
  (
    parse(read(join(dir, 'answers.yaml'))) as {
      questionnaires: { trustability: { answers: Record<string, Record<string, unknown>> } };
    }
  ).questionnaires.trustability.answers['economic-interests']!['renewal-warning'];
/** The appendix of the Markdown report (English or Dutch heading). */
const appendix = () => read(join(dir, 'report.md')).split(/## (Appendix|Bijlage)/)[2]!;

beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => {
  server?.end();
  server = undefined;
  cleanup();
});

describe.skipIf(!hasTmux)('the interview in a pseudo-terminal says what is true', () => {
  it(
    'a No changed to Yes on the review screen, Clear: the note is in neither the file nor the report',
    async () => {
      const shown = await staleNote('en', ['Down', 'Down', 'Enter']);
      expect(flat(shown)).toContain(`The answer changed from No to Yes. Its note was: “${NOTE}”.`);
      expect(shown).toMatch(/❯ Keep it\n\s+Change it\n\s+Clear it/);
      expect(savedRenewal()).toBe('yes');
      expect(read(join(dir, 'answers.yaml'))).not.toContain(NOTE);
      expect(read(join(dir, 'report.md'))).not.toContain(NOTE);
      expect(appendix()).toMatch(
        /\| You warn customers before automatically renewing[^|]*\| yes \| \| \|/,
      );
    },
    TIMEOUT.pty,
  );

  it(
    'in Dutch, Keep: the note stays, in the file and the report, because the user chose it',
    async () => {
      const shown = await staleNote('nl', ['Enter']);
      expect(flat(shown)).toContain(
        `Het antwoord is veranderd van Nee in Ja. De toelichting was: „${NOTE}”.`,
      );
      expect(shown).toMatch(/❯ Behouden\n\s+Aanpassen\n\s+Wissen/);
      expect(savedRenewal()).toEqual({ answer: 'yes', note: NOTE });
      expect(appendix()).toMatch(new RegExp(`\\| ja \\| ${NOTE} \\|`));
    },
    TIMEOUT.pty,
  );

  it(
    'a scripted audit wraps a statement that is not true under its question, whole',
    async () => {
      run(['init', 'answers.yaml', '-q', 'trustability', '--subject', 'Acme'], { cwd: dir });
      const file = join(dir, 'answers.yaml');
      write(file, setAnswer(fillTemplate(read(file)), 'sentiment-metrics', 'no'));
      start('audit -a answers.yaml -o report.md', 60);
      expect(await exitCode()).toBe(1);
      const printed = rows().split('\n');
      const first = printed.findIndex((l) => l.includes('– You measure non-financial'));
      expect(first, rows()).toBeGreaterThan(0);
      const dash = printed[first]!.indexOf('–');
      // every continuation row hangs under the statement's first word, to its last word
      const statement: string[] = [printed[first]!.slice(dash + 2)];
      for (let k = first + 1; printed[k]!.startsWith(' '.repeat(dash + 2)); k++) {
        statement.push(printed[k]!.trim());
      }
      expect(statement.join(' ')).toBe(
        'You measure non-financial indicators of customer sentiment such as CSAT (customer satisfaction) or NPS (net promoter score), and incorporate those metrics into incentives and accountability.',
      );
      expect(statement.length).toBeGreaterThan(2);
      for (const row of printed) expect([...row].length).toBeLessThanOrEqual(60);
      expect(rows()).not.toContain('…');
    },
    TIMEOUT.pty,
  );
});
