// Every hint the loader gives about an answer file leads to the fix. Each invalid fixture is
// mended the way a person would, by doing what its messages say (the word suggested, the column
// named, the form shown), and the mended file must load. A hint whose fix brings another message
// is followed in turn; a message that gives no fix a person could carry out without a choice of
// their own is listed below with the reason, and must indeed hold no hint that is followed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateText } from '../../src/app/load.js';
import { runAudit } from '../../src/app/run-audit.js';
import type { LocatedIssue } from '../../src/core/issues.js';
import type { AnswerFile } from '../../src/core/model.js';

const dir = join('tests', 'fixtures', 'answers', 'invalid');

/** What an answer file says once mended: its problems (none when it loads). */
function problems(text: string, file: string, allowIncomplete: boolean): LocatedIssue[] {
  const loaded = validateText<AnswerFile>(text, file, 'answers');
  if (!loaded.ok) return loaded.issues;
  const audit = runAudit({
    file,
    answers: loaded.value,
    language: 'en',
    today: '2026-11-23',
    allowIncomplete,
  });
  return audit.ok ? [] : audit.issues;
}

/** What a person writes where a hint says `…`: their own words, or the value a field needs. */
const OWN_WORDS: Record<string, string> = {
  note: 'Written by the person who answered.',
  evidence: 'Policy document 2026-14',
  answer: 'yes',
  subject: 'Acme B.V.',
  format: 'trustcheck-answers/1',
};

interface Mending {
  lines: string[];
  allowIncomplete: boolean;
}

const indentOf = (line: string) => line.length - line.trimStart().length;
const isContent = (line: string) => line.trim() !== '' && !line.trimStart().startsWith('#');
const ANSWER_FIELD = /^(answer|note|evidence|until):(?:\s|$)/;

/** The line with a scalar value at `col` given another value (a comment after it stays). */
function setValue(m: Mending, line: number, col: number, value: string): void {
  const text = m.lines[line - 1]!;
  const rest = text.slice(col - 1);
  // a map where the value is: its `answer:` is what holds the answer
  if (ANSWER_FIELD.test(rest)) {
    for (let n = line - 1; n < m.lines.length; n++) {
      const field = m.lines[n]!;
      if (indentOf(field) !== col - 1) break;
      if (field.trimStart().startsWith('answer:')) {
        m.lines[n] = `${field.slice(0, col - 1)}answer: ${value}`;
        return;
      }
    }
  }
  const scalar = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|.*?)([ \t]+#.*)?$/.exec(rest)!;
  m.lines[line - 1] = `${text.slice(0, col - 1)}${value}${scalar[2] ?? ''}`;
}

/** The statement `statement:` at or above `line`, written as the map a hint shows. */
function writeAsMap(m: Mending, line: number, statement: string, form: string): void {
  let at = line - 1;
  while (at >= 0 && !m.lines[at]!.trimStart().startsWith(`${statement}:`)) at--;
  expect(at, `the statement ${statement} above line ${line}`).toBeGreaterThanOrEqual(0);
  const indent = ' '.repeat(indentOf(m.lines[at]!));
  // the fields already written for it, beside it or below it: their words are kept
  const written = new Map<string, string>();
  let end = at;
  for (let n = at + 1; n < m.lines.length; n++) {
    const text = m.lines[n]!;
    if (!isContent(text)) continue;
    const field = ANSWER_FIELD.exec(text.trimStart());
    if (field === null || indentOf(text) < indent.length) break;
    written.set(field[1]!, text.trimStart().slice(field[0].length).trim());
    end = n;
  }
  const fields = [...form.matchAll(/`(answer|note|evidence|until): ([^`]*)`/g)].map(
    ([, key, value]) =>
      `${indent}  ${key!}: ${value === '…' ? (written.get(key!) ?? OWN_WORDS[key!]!) : value!}`,
  );
  m.lines.splice(at, end - at + 1, `${indent}${statement}:`, ...fields);
}

type Follow = (m: Mending, issue: LocatedIssue, hint: RegExpExecArray) => void;

/** Each kind of hint the loader gives, and what a person does when they read it. */
const HINTS: [RegExp, Follow][] = [
  // "ys" is not an answer; did you mean yes? (the first when several are as near)
  [
    /^".*" is not an answer; did you mean (yes|no|na)\b.*\?$/,
    (m, i, h) => setValue(m, i.line!, i.col!, h[1]!),
  ],
  [/^"[^"]+" must be yes, no, na, true or false, /, (m, i) => setValue(m, i.line!, i.col!, 'yes')],
  [/the questionnaire requires a yes or no here$/, (m, i) => setValue(m, i.line!, i.col!, 'yes')],
  // the form that works for an answer with a note
  [
    /write that answer as a map: `([^`]+):` on its own line, then (.+) on the lines? below it, two spaces further in$/,
    (m, i, h) => writeAsMap(m, i.line!, h[1]!, h[2]!),
  ],
  [
    /add `note: …` beside its `answer: na`$/,
    (m, i) => {
      const at = m.lines.findIndex(
        (l, n) => n >= i.line! - 1 && l.trimStart().startsWith('answer:'),
      );
      const indent = ' '.repeat(indentOf(m.lines[at]!));
      m.lines.splice(at + 1, 0, `${indent}note: ${OWN_WORDS.note!}`);
    },
  ],
  [
    /indent it \d+ spaces? (?:less|more), to column (\d+)$/,
    (m, i, h) => {
      m.lines[i.line! - 1] = `${' '.repeat(Number(h[1]) - 1)}${m.lines[i.line! - 1]!.trimStart()}`;
    },
  ],
  [
    /^a tab is used to indent; .*replace the tab with spaces$/,
    (m, i) => {
      // spaces that line it up with the line above, as a person would
      let above = i.line! - 2;
      while (above >= 0 && !isContent(m.lines[above]!)) above--;
      m.lines[i.line! - 1] =
        `${' '.repeat(indentOf(m.lines[above]!))}${m.lines[i.line! - 1]!.replace(/^[\t ]+/, '')}`;
    },
  ],
  // "<<: *anchor": its fields written out
  [
    /write the fields it would copy from \*([\w-]+) \(([^)]*)\) here instead$/,
    (m, i, h) => {
      const anchor = m.lines.findIndex((l) => l.includes(`&${h[1]!}`));
      const fields = new Map<string, string>();
      for (let n = anchor + 1; n < m.lines.length; n++) {
        const text = m.lines[n]!;
        if (indentOf(text) <= indentOf(m.lines[anchor]!)) break;
        fields.set(text.trimStart().split(':')[0]!, text.trimStart());
      }
      const indent = ' '.repeat(i.col! - 1);
      const copied = h[2]!.split(', ').map((key) => `${indent}${fields.get(key)!}`);
      m.lines.splice(i.line! - 1, 1, ...copied);
    },
  ],
  [
    /^unknown (?:field|statement|section|questionnaire) "([^"]+)".*; did you mean "([^"]+)"\?$/,
    (m, i, h) => {
      const text = m.lines[i.line! - 1]!;
      expect(text.slice(i.col! - 1).startsWith(`${h[1]!}:`)).toBe(true);
      m.lines[i.line! - 1] =
        `${text.slice(0, i.col! - 1)}${h[2]!}${text.slice(i.col! - 1 + h[1]!.length)}`;
    },
  ],
  [
    /^missing "(\w+)" .*; add `\1: …` here$/,
    (m, i, h) => {
      m.lines.splice(i.line! - 1, 0, `${' '.repeat(i.col! - 1)}${h[1]!}: ${OWN_WORDS[h[1]!]!}`);
    },
  ],
  [/^"(\w+)" must not be empty$/, (m, i, h) => setValue(m, i.line!, i.col!, OWN_WORDS[h[1]!]!)],
  [
    /must be a date written as YYYY-MM-DD, such as (\d{4}-\d\d-\d\d), found/,
    (m, i, h) => setValue(m, i.line!, i.col!, h[1]!),
  ],
  [
    /must be a semantic version such as "([\d.]+)", found/,
    (m, i, h) => setValue(m, i.line!, i.col!, h[1]!),
  ],
  [/; keep one of them$/, (m, i) => void m.lines.splice(i.line! - 1, 1)],
  [
    /only goes with an "na" answer; remove it or answer na$/,
    (m, i) => void m.lines.splice(i.line! - 1, 1),
  ],
  [/or run with --allow-incomplete$/, (m) => void (m.allowIncomplete = true)],
];

function hintIn(message: string): [RegExpExecArray, Follow] | undefined {
  for (const [pattern, follow] of HINTS) {
    const hint = pattern.exec(message);
    if (hint !== null) return [hint, follow];
  }
  return undefined;
}

/** The fixtures whose messages leave a choice to the person, and why. */
const CHOICES: Record<string, string> = {
  'bad-yaml.yaml':
    "the parser's words on a flow list left open: what was meant is for the person to say",
  'constructor-statement.yaml':
    'an unknown statement with the list of valid ones: which one was meant is a choice',
  'other-major.yaml':
    'answers given to another major version: the questionnaire must be answered again',
  'questionnaires-not-map.yaml':
    'a list where the answers go: the answers themselves must be written',
  'wrong-format.yaml': 'a report given as answers: another file was meant',
};

/** Follows the hints of a file until it loads; the messages seen on the way. */
function mend(file: string): { messages: string[]; left: LocatedIssue[]; text: string } {
  const m: Mending = { lines: readFileSync(file, 'utf8').split('\n'), allowIncomplete: false };
  const messages: string[] = [];
  for (let round = 0; round < 6; round++) {
    const issues = problems(m.lines.join('\n'), file, m.allowIncomplete);
    if (issues.length === 0) break;
    const followed = issues.map((issue) => ({ issue, hint: hintIn(issue.message) }));
    messages.push(...issues.map((i) => i.message));
    if (followed.some((f) => f.hint === undefined)) return { messages, left: issues, text: '' };
    // from the last line up, so that a fix does not move the lines of those still to be made
    for (const { issue, hint } of followed.sort((a, b) => b.issue.line! - a.issue.line!)) {
      hint![1](m, issue, hint![0]);
    }
  }
  const text = m.lines.join('\n');
  return { messages, left: problems(text, file, m.allowIncomplete), text };
}

describe('every hint of the loader, followed, gives a file that loads', () => {
  const fixtures = readdirSync(dir).sort();

  it.each(fixtures.filter((f) => !(f in CHOICES)))('%s', (fixture) => {
    const { messages, left, text } = mend(join(dir, fixture));
    expect(messages.length).toBeGreaterThan(0);
    expect(
      left.map((i) => `${i.line ?? ''}:${i.col ?? ''}: ${i.message}`),
      text,
    ).toEqual([]);
  });

  it.each(Object.entries(CHOICES))('%s leaves a choice: %s', (fixture) => {
    const { left } = mend(join(dir, fixture));
    expect(left.some((issue) => hintIn(issue.message) === undefined)).toBe(true);
  });

  it('follows the misplaced note to the form that works', () => {
    const { text } = mend(join(dir, 'misplaced-note.yaml'));
    expect(text).toContain(
      '        competitor-referral:\n          answer: no\n          note: We never point to a competitor.\n      customer-reviews:',
    );
    const indented = mend(join(dir, 'note-indented-under-answer.yaml')).text;
    expect(indented).toContain(
      '        competitor-referral:\n          answer: no\n          note: We never point to a competitor.\n          evidence: Sales handbook, page 4\n',
    );
  });
});
