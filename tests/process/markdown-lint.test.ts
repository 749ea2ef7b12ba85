// Every Markdown trustcheck writes, from the built binary, passes the current markdownlint-cli2
// with its default rules but MD013 (line length): reports with and without a baseline, in
// English and Dutch, with hostile text; `diff`; `summary`; `questionnaires show --format md` for
// every built-in version and a custom questionnaire. (The plain reports: report-formats.test.ts.)
import { join } from 'node:path';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { fillTemplate, read, run, setAnswer, tempDir, write } from '../support/helpers.js';
import { markdownlint } from '../support/markdownlint.js';

const nasty = 'Pipes | and `ticks` <b>bold</b> **x** # hash & "quotes" \u0007 [a](b) done';

const customQuestionnaire = `format: trustcheck-questionnaire/1
id: supplier-check
version: 1.0.0
languages: [en, nl]
rule: all-must-be-true
title: { en: ${JSON.stringify(`Supplier | check ${nasty}`)}, nl: Leverancierscheck }
description: ${JSON.stringify(`- not a list\n# not a heading\n${nasty}`)}
source: ${JSON.stringify(`https://example.com/a_b?c=(d) | ${nasty}`)}
sections:
  - id: contracts
    title: { en: ${JSON.stringify(`1. not a list ${nasty}`)}, nl: Contracten }
    help: { en: "  |  |  ", nl: ${JSON.stringify(nasty)} }
    statements:
      - id: plain-terms
        text: { en: ${JSON.stringify(`> quote ${nasty}`)}, nl: Gewone taal. }
        help: "\\t---"
        remedy: ${JSON.stringify(`=== ${nasty}`)}
      - id: no-auto-renewal
        text: { en: "|", nl: "|" }
        allowNotApplicable: true
`;

let dir: string;
let cleanup: () => void;
const files: string[] = [];

/** Runs trustcheck in the folder and writes its stdout to `name` (a Markdown file to lint). */
function keep(name: string, args: string[], code = 0): void {
  const result = run(args, { cwd: dir });
  expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(code);
  expect(result.stdout).not.toBe('');
  write(join(dir, name), result.stdout);
  files.push(name);
}

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  expect(run(['init', 'answers.yaml', '--subject', 'Acme'], { cwd: dir }).code).toBe(0);
  const clean = fillTemplate(read(join(dir, 'answers.yaml')));
  write(join(dir, 'answers.yaml'), setAnswer(clean, 'no-paid-reviews', 'no'));
  let later = clean.replace('subject: "Acme"', `subject: ${JSON.stringify(`Acme | ${nasty}`)}`);
  later = setAnswer(
    later,
    'renewal-warning',
    JSON.stringify({ answer: 'no', note: `${nasty}\n\tsecond line`, evidence: nasty }),
  );
  later = setAnswer(later, 'warranty-expiry', JSON.stringify({ answer: 'na', note: nasty }));
  later = setAnswer(
    later,
    'unclaimed-entitlements',
    JSON.stringify({ answer: 'na', note: 'None yet', until: '2027-01-10' }),
  );
  later = setAnswer(later, 'upgrade-eligibility', '~');
  write(join(dir, 'later.yaml'), later);
  write(join(dir, 'supplier-check.yaml'), customQuestionnaire);

  const audit = ['audit', '--allow-incomplete', '--fail-on', 'never'];
  for (const lang of ['en', 'nl']) {
    // the baseline, and an audit of the same answers against it (no regressions)
    keep(`baseline-${lang}.md`, [
      ...audit,
      '-a',
      'answers.yaml',
      '--lang',
      lang,
      '-o',
      '-',
      '-o',
      `baseline-${lang}.json`,
    ]);
    keep(`same-${lang}.md`, [
      ...audit,
      '-a',
      'answers.yaml',
      '--lang',
      lang,
      '--baseline',
      `baseline-${lang}.json`,
    ]);
    // hostile text, regressions, an improvement, exemptions and an unanswered statement
    keep(`later-${lang}.md`, [
      ...audit,
      '-a',
      'later.yaml',
      '--lang',
      lang,
      '--baseline',
      `baseline-${lang}.json`,
      '-o',
      '-',
      '-o',
      `later-${lang}.json`,
    ]);
    keep(`diff-${lang}.md`, [
      'diff',
      `baseline-${lang}.json`,
      `later-${lang}.json`,
      '--fail-on',
      'never',
    ]);
    keep(`diff-same-${lang}.md`, ['diff', `baseline-${lang}.json`, `baseline-${lang}.json`]);
    keep(`summary-${lang}.md`, ['summary', `baseline-${lang}.json`, `later-${lang}.json`]);
    keep(`custom-${lang}.md`, [
      'questionnaires',
      'show',
      './supplier-check.yaml',
      '--lang',
      lang,
      '--format',
      'md',
    ]);
  }
  const builtins = JSON.parse(run(['questionnaires', 'list', '--format', 'json']).stdout) as {
    id: string;
    versions: string[];
  }[];
  for (const { id, versions } of builtins)
    for (const version of versions)
      for (const lang of ['en', 'nl'])
        keep(`${id}@${version}-${lang}.md`, [
          'questionnaires',
          'show',
          `${id}@${version}`,
          '--lang',
          lang,
          '--format',
          'md',
        ]);
});
afterAll(() => cleanup());

describe('Markdown from every command, through markdownlint-cli2', () => {
  it('knows rule MD060: a table cell written `|  |` is reported', () => {
    write(join(dir, 'wide-cell.md'), '# T\n\n| a | b |\n| --- | --- |\n|  | x |\n');
    const lint = markdownlint(dir, ['wide-cell.md']);
    expect(lint.problems.join('\n')).toMatch(
      /^wide-cell\.md:5:\d+ error MD060\/table-column-style/m,
    );
    expect(lint.status).toBe(1);
  });

  it('passes on reports, diffs, summaries and questionnaires, in English and Dutch', () => {
    expect(files.length).toBeGreaterThanOrEqual(26);
    // what the files hold: the cases above are really there
    expect(read(join(dir, 'later-en.md'))).toMatch(/^\| 1\.1 \| .* \| \|$/m); // an empty cell
    expect(read(join(dir, 'later-nl.md'))).toMatch(/^### Achteruitgang$/m);
    expect(read(join(dir, 'diff-en.md'))).toMatch(/^## Regressions$/m);
    const lint = markdownlint(dir, files);
    expect(lint.output).toMatch(new RegExp(`^Linting: ${files.length} files$`, 'm'));
    expect(lint.problems).toEqual([]);
    expect(lint.status).toBe(0);
  });
});
