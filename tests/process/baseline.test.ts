// CI gating: a baseline report, regressions, --fail-on, `trustcheck diff`, and determinism.
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fillTemplate, list, read, run, setAnswer, tempDir, write } from '../support/helpers.js';

/** The accepted state, made once: answers with one known failing section (customer-reviews), and
 * their baseline report. Each test starts from a copy of both files in a folder of its own. */
const accepted = new Map<string, string>();
beforeAll(() => {
  const made = tempDir();
  try {
    const init = run(['init', 'answers.yaml', '--subject', 'Acme B.V.'], { cwd: made.dir });
    expect(init.code, init.stderr).toBe(0);
    const file = join(made.dir, 'answers.yaml');
    write(file, setAnswer(fillTemplate(read(file)), 'no-paid-reviews', 'no'));
    const baseline = run(
      ['audit', '-a', 'answers.yaml', '-o', 'baseline.json', '--fail-on', 'never'],
      { cwd: made.dir },
    );
    expect(baseline.code, baseline.stderr).toBe(0);
    for (const name of ['answers.yaml', 'baseline.json']) {
      accepted.set(name, read(join(made.dir, name)));
    }
  } finally {
    made.cleanup();
  }
});

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  for (const [name, text] of accepted) write(join(dir, name), text);
});
afterEach(() => cleanup());

const audit = (...extra: string[]) =>
  run(['audit', '-a', 'answers.yaml', '--baseline', 'baseline.json', ...extra], { cwd: dir });

describe('audit --baseline', () => {
  it('an unchanged audit with a known failing section exits 0 by default, 1 under --fail-on fail', () => {
    const result = audit('-f', 'json');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as {
      passed: boolean;
      comparison: Record<string, unknown>;
    };
    expect(report.passed).toBe(false);
    expect(report.comparison).toEqual({
      baseline: { subject: 'Acme B.V.', date: '2026-11-23' },
      regressions: [],
      improvements: [],
      sectionRegressions: [],
      added: [],
      removed: [],
      missingQuestionnaires: [],
    });
    expect(audit('--fail-on', 'fail').code).toBe(1);
  });

  it('flipping one yes to no exits 1 and names the statement on stderr and in every format', () => {
    write(
      join(dir, 'answers.yaml'),
      setAnswer(read(join(dir, 'answers.yaml')), 'sentiment-metrics', 'no'),
    );
    const result = audit('-o', 'r.md', '-o', 'r.json', '-o', 'r.xml');
    expect(result.code).toBe(1);
    // in words: the statement's whole text, not its ids, on one line of the log
    expect(result.stderr.split('\n')).toContain(
      'regression: “You measure non-financial indicators of customer sentiment such as CSAT (customer satisfaction) or NPS (net promoter score), and incorporate those metrics into incentives and accountability.” was satisfied, now is not',
    );
    const json = JSON.parse(read(join(dir, 'r.json'))) as {
      comparison: { regressions: unknown[]; sectionRegressions: unknown[] };
    };
    expect(json.comparison.regressions).toEqual([
      {
        questionnaire: 'trustability',
        section: 'aligned-incentives',
        statement: 'sentiment-metrics',
        was: true,
        now: false,
      },
    ]);
    expect(json.comparison.sectionRegressions).toEqual([
      { questionnaire: 'trustability', section: 'aligned-incentives', was: true, now: false },
    ]);
    const md = read(join(dir, 'r.md'));
    expect(md).toContain('## Changes since 2026-11-23');
    expect(md).toContain('`trustability.aligned-incentives.sentiment-metrics`');
    const xml = read(join(dir, 'r.xml'));
    // the JUnit agrees with the exit code: the regression is the one failure
    expect(xml).toMatch(
      /<testcase name="sentiment-metrics" classname="trustability.aligned-incentives" time="0">\s*<failure message="You measure non-financial[^"]*" type="regression">/,
    );
    expect([...xml.matchAll(/<failure /g)]).toHaveLength(1);
    expect(xml).toContain('<skipped message="known since 2026-11-23: ');
    expect(audit('--fail-on', 'never').code).toBe(0);
  });

  it('an improvement is not a regression', () => {
    write(
      join(dir, 'answers.yaml'),
      setAnswer(read(join(dir, 'answers.yaml')), 'no-paid-reviews', 'yes'),
    );
    const result = audit('-f', 'json');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      'improvement: “You never contract with third parties to generate reviews.”',
    );
  });

  it('dropping a questionnaire counts as a regression', () => {
    const result = audit('-q', 'trustability', '-f', 'json');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'regression: questionnaire “Transparency check-up” is in the baseline but not in this audit',
    );
    // the report names it by its title in the baseline, and so does JUnit
    expect(audit('-q', 'trustability', '-o', 'r.md', '-o', 'r.xml').code).toBe(1);
    expect(read(join(dir, 'r.md'))).toContain('- Transparency check-up (`transparantie-apk`)');
    expect(read(join(dir, 'r.xml'))).toContain(
      'message="regression: questionnaire “Transparency check-up” is in the baseline but not in this audit"',
    );
  });

  it('a baseline of another subject is a warning, and an error under --strict', () => {
    const other = run(
      [
        'audit',
        '-a',
        'answers.yaml',
        '--baseline',
        'baseline.json',
        '--subject',
        'Other',
        '-f',
        'json',
      ],
      { cwd: dir },
    );
    expect(other.code).toBe(0);
    expect(other.stderr).toContain(
      'warning: baseline.json: the baseline is a report of "Acme B.V.", not of "Other"',
    );
    const strict = run(
      [
        'audit',
        '-a',
        'answers.yaml',
        '--baseline',
        'baseline.json',
        '--subject',
        'Other',
        '--strict',
      ],
      { cwd: dir },
    );
    expect(strict.code).toBe(2);
    expect(strict.stdout).toBe('');
    // the first error names the file the warning is about: the baseline, not the answers
    const errors = strict.stderr.split('\n').filter((l) => l.startsWith('error: '));
    expect(errors).toEqual([
      'error: baseline.json: a warning is an error under --strict; fix it, or run without --strict',
      'error: baseline.json: the baseline is a report of "Acme B.V.", not of "Other"',
    ]);
    expect(strict.stderr).not.toContain('answers.yaml');
  });

  it.each([
    ['not JSON at all', 'hello: [', /baseline\.json:1:1: invalid JSON: Unexpected token 'h'/],
    [
      'a truncated report',
      '{"format": "trustcheck-report/1", "tool": {',
      /baseline\.json:1:44: invalid JSON: /,
    ],
    [
      'an answer file',
      '{"format": "trustcheck-answers/1", "subject": "x", "questionnaires": {}}',
      /baseline\.json:1:12: "format" must be "trustcheck-report\/1", found "trustcheck-answers\/1": this is an answer file, not a report/,
    ],
    ['an empty file', '', /baseline\.json: the report is empty/],
  ])('a baseline that is %s is a clear error, exit 2', (_name, text, message) => {
    write(join(dir, 'baseline.json'), text);
    const result = audit('-o', 'r.json');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(list(dir)).toEqual(['answers.yaml', 'baseline.json']);
  });

  it('--fail-on regression without a baseline is a usage error', () => {
    const result = run(['audit', '-a', 'answers.yaml', '--fail-on', 'regression'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--fail-on regression needs --baseline FILE');
  });
});

describe('trustcheck diff', () => {
  it('agrees with audit --baseline on the same files', () => {
    write(join(dir, 'answers.yaml'), setAnswer(read(join(dir, 'answers.yaml')), 'say-sorry', 'no'));
    const current = audit('-o', 'current.json');
    expect(current.code).toBe(1);
    const diff = run(['diff', 'baseline.json', 'current.json', '--format', 'json'], { cwd: dir });
    expect(diff.code).toBe(1);
    const report = JSON.parse(read(join(dir, 'current.json'))) as { comparison: unknown };
    expect(JSON.parse(diff.stdout)).toEqual(report.comparison);
    expect(diff.stderr).toBe(
      'regression: “When you make a mistake, you simply say sorry to the customer.” was satisfied, now is not\n' +
        '1 regression, 0 improvements, 0 added, 0 removed\n',
    );
    const md = run(['diff', 'baseline.json', 'current.json'], { cwd: dir });
    expect(md.code).toBe(1);
    expect(md.stdout).toContain('`transparantie-apk.admit-mistakes.say-sorry`');
    expect(
      run(['diff', 'baseline.json', 'current.json', '--fail-on', 'never'], { cwd: dir }).code,
    ).toBe(0);
    expect(run(['diff', 'baseline.json', 'baseline.json'], { cwd: dir }).code).toBe(0);
  });

  it('speaks the reports’ language on the terminal, as do summary’s last lines', () => {
    const dutch = read(join(dir, 'answers.yaml')).replace(/^language: en$/m, 'language: nl');
    write(join(dir, 'answers.yaml'), dutch);
    expect(audit('-o', 'before.json', '--fail-on', 'never').code).toBe(0);
    write(join(dir, 'answers.yaml'), setAnswer(dutch, 'say-sorry', 'no'));
    expect(audit('-o', 'after.json', '--fail-on', 'never').code).toBe(0);
    const diff = run(['diff', 'before.json', 'after.json', '-f', 'json'], { cwd: dir });
    expect(diff.code).toBe(1);
    expect(diff.stderr).toMatch(
      /^achteruitgang: “[^”]+” was waar, nu niet\n1 achteruitgang, 0 verbeteringen, 0 toegevoegd, 0 verwijderd\n$/,
    );
    const summary = run(['summary', 'before.json', 'after.json', '-o', 'portfolio.md'], {
      cwd: dir,
    });
    expect(summary.code).toBe(0);
    expect(summary.stderr).toBe(
      'overzicht geschreven: portfolio.md\n2 rapporten van 1 organisatie, 1 achteruitgang, 0 verbeteringen\n',
    );
  });
});

describe('determinism', () => {
  it('the same audit twice gives byte-identical JSON, Markdown and JUnit', () => {
    write(join(dir, 'answers.yaml'), setAnswer(read(join(dir, 'answers.yaml')), 'say-sorry', 'no'));
    for (const round of ['1', '2']) {
      const result = audit('-o', `r${round}.md`, '-o', `r${round}.json`, '-o', `r${round}.xml`);
      expect(result.code).toBe(1);
    }
    for (const ext of ['md', 'json', 'xml']) {
      expect(read(join(dir, `r1.${ext}`))).toBe(read(join(dir, `r2.${ext}`)));
    }
    const stdout1 = audit('-f', 'json').stdout;
    const stdout2 = audit('-f', 'json').stdout;
    expect(stdout1).toBe(stdout2);
    expect(stdout1).toBe(read(join(dir, 'r1.json')));
  });
});
