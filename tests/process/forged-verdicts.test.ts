// A report's verdicts are derived from its answers, never trusted: `summary`, `diff` and
// `audit --baseline` refuse (exit 2) a JSON report whose claimed verdicts do not follow from its
// own statements, saying which claim, where (file:line:col), and how to fix it; the genuine
// report still works.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillTemplate, read, run, setAnswer, tempDir, write } from '../support/helpers.js';

let dir: string;
let cleanup: () => void;
let real: string;

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  run(['init', 'answers.yaml', '--subject', 'Acme B.V.'], { cwd: dir });
  // one failing question (customer-reviews): the report fails
  write(
    join(dir, 'answers.yaml'),
    setAnswer(fillTemplate(read(join(dir, 'answers.yaml'))), 'no-paid-reviews', 'no'),
  );
  const audited = run(['audit', '-a', 'answers.yaml', '-o', 'real.json', '--fail-on', 'never'], {
    cwd: dir,
  });
  expect(audited.code).toBe(0);
  real = read(join(dir, 'real.json'));
});
afterAll(() => cleanup());

/** The 1-based line and column where `needle` starts in `text`, at or after `from`. */
function position(text: string, needle: string, from = 0): string {
  const at = text.indexOf(needle, from);
  expect(at, needle).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, at);
  return `${before.split('\n').length}:${at - before.lastIndexOf('\n')}`;
}

/** The report with the first `find` at or after `after` replaced; and where that is. */
function forge(find: string, replace: string, after = ''): { text: string; at: string } {
  const from = after === '' ? 0 : real.indexOf(after);
  expect(from, after).toBeGreaterThanOrEqual(0);
  const at = real.indexOf(find, from);
  expect(at, find).toBeGreaterThanOrEqual(0);
  const text = real.slice(0, at) + replace + real.slice(at + find.length);
  return { text, at: position(text, replace, at) };
}

const forgeries = [
  {
    name: 'the report claims "passed": true',
    make: () => forge('"passed": false', '"passed": true'),
    message: 'the report says "passed": true, but 1 of its 2 questionnaires passes',
  },
  {
    name: 'a question claims "passed": true',
    make: () => forge('"passed": false', '"passed": true', '"id": "customer-reviews"'),
    message:
      'question "customer-reviews" of trustability says "passed": true, but 3 of its 4 statements are true',
  },
  {
    name: 'a statement claims "satisfied": true',
    make: () => forge('"satisfied": false', '"satisfied": true', '"id": "no-paid-reviews"'),
    message:
      'statement "no-paid-reviews" (trustability › customer-reviews) says "satisfied": true, but its answer is no',
  },
  {
    name: 'the totals claim one more statement true',
    make: () => {
      const satisfied = /"statementsSatisfied": (\d+)/.exec(real)!;
      return forge(satisfied[0], `"statementsSatisfied": ${Number(satisfied[1]) + 1}`);
    },
    message:
      /^the report says "totals.statementsSatisfied": (\d+), but \d+ of its \d+ statements are true$/,
  },
];

describe.each(forgeries)('$name', ({ make, message }) => {
  let text: string;
  let at: string;
  beforeAll(() => {
    ({ text, at } = make());
    write(join(dir, 'forged.json'), text);
  });

  const refused = (result: { code: number | null; stdout: string; stderr: string }) => {
    expect(result.code).toBe(2);
    const lines = result.stderr.trimEnd().split('\n');
    // what, and how to fix it
    expect(lines[0]).toMatch(
      /^error: forged\.json: (a verdict|\d+ verdicts) in this report (does|do) not follow from its own answers, so the report cannot be trusted as it is; write it again from its answers \(trustcheck audit --answers FILE -f json -o forged\.json\), or run `trustcheck verify forged\.json` for every finding$/,
    );
    // which claim, and where
    const claim = lines.find((l) => l.startsWith(`error: forged.json:${at}: `));
    expect(claim, result.stderr).toBeDefined();
    const said = claim!.slice(`error: forged.json:${at}: `.length);
    if (typeof message === 'string') expect(said).toBe(message);
    else expect(said).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  };

  it('summary refuses it', () => {
    const result = run(['summary', 'forged.json'], { cwd: dir });
    refused(result);
    expect(result.stdout).toBe('');
  });

  it('summary refuses it among genuine reports, in a folder', () => {
    mkdirSync(join(dir, 'portfolio'), { recursive: true });
    write(join(dir, 'portfolio', 'a-real.json'), real);
    write(join(dir, 'portfolio', 'forged.json'), text);
    const result = run(['summary', 'portfolio'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`error: ${join('portfolio', 'forged.json')}:${at}: `);
  });

  it('diff forged.json real.json refuses it', () => {
    refused(run(['diff', 'forged.json', 'real.json'], { cwd: dir }));
  });

  it('diff real.json forged.json refuses it', () => {
    const result = run(['diff', 'real.json', 'forged.json'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`error: forged.json:${at}: `);
  });

  it('audit --baseline forged.json refuses it', () => {
    refused(run(['audit', '-a', 'answers.yaml', '--baseline', 'forged.json'], { cwd: dir }));
  });
});

describe('the genuine report', () => {
  it('is summarised, diffed and used as a baseline', () => {
    write(join(dir, 'real.json'), real);
    const summary = run(['summary', 'real.json', '-f', 'json'], { cwd: dir });
    expect(summary.code).toBe(0);
    expect((JSON.parse(summary.stdout) as { rows: { passed: boolean }[] }).rows).toMatchObject([
      { passed: false },
    ]);
    expect(run(['diff', 'real.json', 'real.json'], { cwd: dir }).code).toBe(0);
    expect(run(['audit', '-a', 'answers.yaml', '--baseline', 'real.json'], { cwd: dir }).code).toBe(
      0,
    );
  });
});

describe('a forged Dutch report', () => {
  it('is refused in English, as every error about a file is (a log can be searched for it)', () => {
    const nl = run(
      ['audit', '-a', 'answers.yaml', '--lang', 'nl', '-f', 'json', '--fail-on', 'never'],
      { cwd: dir },
    );
    write(join(dir, 'nl.json'), nl.stdout.replace('"passed": false', '"passed": true'));
    const result = run(['diff', 'nl.json', 'real.json'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'error: nl.json: a verdict in this report does not follow from its own answers, so the report cannot be trusted as it is;',
    );
    expect(result.stderr).toContain(
      'error: nl.json:11:3: the report says "passed": true, but 1 of its 2 questionnaires passes\n',
    );
  });
});
