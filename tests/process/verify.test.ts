// `trustcheck verify REPORT [--answers FILE…] [-q REF…]`: 0 when the report holds (its verdicts
// follow from its answers, its questionnaires are shipped or given ones with their texts, and,
// with --answers, it is what that file gives), 1 when it does not (each finding in words, at its
// place in the report), 2 when it cannot be checked.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/model.js';
import { fillTemplate, read, root, run, setAnswer, tempDir, write } from '../support/helpers.js';
import { rederive } from '../support/report-fixtures.js';

let dir: string;
let cleanup: () => void;
let answers: string;
let genuine: Report;

const FAILING = 'no-paid-reviews';

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  run(['init', 'template.yaml', '--subject', 'Acme B.V.'], { cwd: dir });
  answers = setAnswer(
    fillTemplate(read(join(dir, 'template.yaml'))),
    FAILING,
    '{ answer: no, note: "We paid for two reviews in 2025." }',
  );
  write(join(dir, 'answers.yaml'), answers);
  // no date in the answers: the report's is today's (SOURCE_DATE_EPOCH: 2026-11-23)
  const audited = run(['audit', '-a', 'answers.yaml', '-o', 'report.json', '--fail-on', 'never'], {
    cwd: dir,
  });
  expect(audited.code, audited.stderr).toBe(0);
  genuine = JSON.parse(read(join(dir, 'report.json'))) as Report;
});
afterAll(() => cleanup());

const verify = (...args: string[]) => run(['verify', ...args], { cwd: dir });
const json = (report: Report) => `${JSON.stringify(report, null, 2)}\n`;

/** A copy of the genuine report, changed by `edit`, written to `file`; returns its text. */
function variant(file: string, edit: (r: Report) => void): string {
  const report = structuredClone(genuine);
  edit(report);
  const text = json(report);
  write(join(dir, file), text);
  return text;
}

const statementOf = (r: Report, id: string) =>
  r.questionnaires
    .flatMap((q) => q.sections.flatMap((s) => s.statements))
    .find((s) => s.id === id)!;

/** The 1-based `line:col` where `needle` starts in `text`, at or after `after`. */
function position(text: string, needle: string, after = ''): string {
  const at = text.indexOf(needle, after === '' ? 0 : text.indexOf(after));
  expect(at, needle).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, at);
  return `${before.split('\n').length}:${at - before.lastIndexOf('\n')}`;
}

describe('a genuine report', () => {
  it('holds (exit 0), and says what was checked', () => {
    const result = verify('report.json');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      [
        'report.json holds:',
        '  ✓ every verdict follows from its answers',
        `  ✓ its questionnaires are the ones it names, with their texts: ${genuine.questionnaires.map((q) => `${q.id} ${q.version} (shipped)`).join(', ')}`,
        '',
      ].join('\n'),
    );
  });

  it('holds against the answer file it was made from, audited at the report’s date', () => {
    // a later day: the report's own date is the audit's, not today
    const result = run(['verify', 'report.json', '--answers', 'answers.yaml'], {
      cwd: dir,
      env: { SOURCE_DATE_EPOCH: '1830000000' },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('  ✓ it is what answers.yaml gives, audited on 2026-11-23\n');
  });

  it('holds for a report of one questionnaire, read as `audit -q` reads the answers (said on stderr)', () => {
    // answers pinned to an older version of the same major, audited with -q: as the report says
    write(join(dir, 'pinned.yaml'), answers.replace('version: 1.1.1', 'version: 1.1.0'));
    const audited = run(
      ['audit', '-a', 'pinned.yaml', '-q', 'trustability', '-o', 'one.json', '--fail-on', 'never'],
      { cwd: dir },
    );
    expect(audited.code, audited.stderr).toBe(0);
    const result = verify('one.json', '--answers', 'pinned.yaml');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(
      `warning: pinned.yaml:${position(answers, '1.1.1')}: the answers were given against trustability 1.1.0, and are read against 1.1.1, the report's version (as \`trustcheck audit -q trustability@1.1.1\` reads them)\n`,
    );
    expect(result.stderr).toMatch(
      /warning: pinned\.yaml:\d+:3: the answers also answer transparantie-apk, which the report does not hold \(an audit with -q leaves it out\); those answers are not checked\n/,
    );
  });

  it('holds whatever trustcheck version wrote it', () => {
    variant('other-version.json', (r) => {
      r.tool.version = '0.0.9';
    });
    expect(verify('other-version.json', '--answers', 'answers.yaml').code).toBe(0);
  });
});

describe('a report that does not hold (exit 1)', () => {
  it('a forged verdict: each claim, where it is, and what the answers give', () => {
    const text = variant('forged.json', (r) => {
      r.passed = true;
    });
    const result = verify('forged.json');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `forged.json:${position(text, '"passed": true')}: the report says "passed": true, but 1 of its 2 questionnaires passes\n` +
        'forged.json does not hold: 1 finding; make the report again from its answers (trustcheck audit --answers FILE -f json)\n',
    );
  });

  it('a coherent forgery (an answer changed, every verdict made to follow) is caught by --answers', () => {
    const text = variant('coherent.json', (r) => {
      statementOf(r, FAILING).answer = 'yes';
      statementOf(r, FAILING).note = null;
      rederive(r);
    });
    // consistent, and with the shipped texts: only the answers can tell
    expect(verify('coherent.json').code).toBe(0);
    const result = verify('coherent.json', '--answers', 'answers.yaml');
    expect(result.code).toBe(1);
    const where = `statement "${FAILING}" (trustability › customer-reviews)`;
    const answerAt = `answers.yaml:${position(answers, '{ answer: no')}`;
    expect(result.stderr).toContain(
      `coherent.json:${position(text, '"answer": "yes"', `"id": "${FAILING}"`)}: the answer of ${where} in the report is yes, but the answers give no (${answerAt})\n`,
    );
    expect(result.stderr).toContain(
      `coherent.json:${position(text, '"note": null', `"id": "${FAILING}"`)}: the note of ${where} in the report is nothing, but the answers give "We paid for two reviews in 2025." (${answerAt})\n`,
    );
    expect(result.stderr).toMatch(/coherent\.json does not hold: 2 findings;/);
  });

  it('a statement dropped from the report, its counts made to follow', () => {
    variant('dropped.json', (r) => {
      for (const q of r.questionnaires)
        for (const s of q.sections) s.statements = s.statements.filter((st) => st.id !== FAILING);
      rederive(r);
    });
    const result = verify('dropped.json');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `: statement "${FAILING}" of question "customer-reviews" of trustability is missing from the report\n`,
    );
  });

  it('a statement’s text that is not the questionnaire’s', () => {
    const text = variant('text.json', (r) => {
      statementOf(r, FAILING).text = 'We never pay for reviews, mostly.';
    });
    const result = verify('text.json');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `text.json:${position(text, '"text": "We never pay')}: the text of statement "${FAILING}" (trustability › customer-reviews) is not the questionnaire's: the report has "We never pay for reviews, mostly.", the questionnaire "`,
    );
  });

  it('an n/a where the questionnaire allows none', () => {
    variant('na.json', (r) => {
      Object.assign(statementOf(r, FAILING), { answer: 'na', naExpired: false });
      rederive(r);
    });
    const result = verify('na.json');
    expect(result.code).toBe(1);
    const version = genuine.questionnaires[0]!.version;
    expect(result.stderr).toContain(
      `: statement "${FAILING}" (trustability › customer-reviews) is answered n/a, which trustability ${version} does not allow for it\n`,
    );
  });

  it('a digest that is not the shipped file’s', () => {
    const text = variant('digest.json', (r) => {
      r.questionnaires[0]!.digest = `sha256:${'0'.repeat(64)}`;
    });
    const result = verify('digest.json');
    expect(result.code).toBe(1);
    const q = genuine.questionnaires[0]!;
    expect(result.stderr).toContain(
      `digest.json:${position(text, `"digest": "sha256:${'0'.repeat(64)}"`)}: the digest of ${q.id} ${q.version} is not that of the shipped file: the report was not made with that questionnaire, or its texts were changed\n`,
    );
  });

  it('a report that names another version than its digest’s', () => {
    variant('version.json', (r) => {
      r.questionnaires[0]!.version = '1.0.0';
    });
    const result = verify('version.json');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `: the report names trustability 1.0.0, but its digest is that of trustability ${genuine.questionnaires[0]!.version}\n`,
    );
  });

  it('--quiet: the findings only, and nothing when the report holds', () => {
    variant('forged.json', (r) => {
      r.passed = true;
    });
    const quiet = run(['--quiet', 'verify', 'forged.json'], { cwd: dir });
    expect(quiet.code).toBe(1);
    expect(quiet.stderr).toMatch(/^forged\.json:11:3: the report says "passed": true, [^\n]*\n$/);
    const holds = run(['--quiet', 'verify', 'report.json'], { cwd: dir });
    expect(holds.code).toBe(0);
    expect(holds.stderr).toBe('');
  });

  it('--format json: the verification on stdout, each finding with its place', () => {
    variant('forged.json', (r) => {
      r.passed = true;
    });
    const result = verify('forged.json', '--format', 'json', '--answers', 'answers.yaml');
    expect(result.code).toBe(1);
    const out = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({
      format: 'trustcheck-verification/1',
      report: 'forged.json',
      holds: false,
      answers: 'answers.yaml',
      findings: [
        {
          check: 'consistency',
          path: '/passed',
          line: 11,
          col: 3,
          message: 'the report says "passed": true, but 1 of its 2 questionnaires passes',
        },
      ],
    });
    expect(out.questionnaires).toEqual(
      genuine.questionnaires.map((q) => ({
        id: q.id,
        version: q.version,
        digest: q.digest,
        checkedAgainst: { id: q.id, version: q.version, source: 'shipped', file: null },
      })),
    );
  });

  it('in the report’s language, or in --lang', () => {
    const nl = run(
      ['audit', '-a', 'answers.yaml', '--lang', 'nl', '-f', 'json', '--fail-on', 'never'],
      {
        cwd: dir,
      },
    );
    write(join(dir, 'nl.json'), nl.stdout.replace('"passed": false', '"passed": true'));
    const dutch = verify('nl.json');
    expect(dutch.code).toBe(1);
    expect(dutch.stderr).toBe(
      'nl.json:11:3: het rapport zegt "passed": true, maar 1 van de 2 vragenlijsten is voldaan\n' +
        'nl.json klopt niet: 1 bevinding; maak het rapport opnieuw uit de antwoorden (trustcheck audit --answers BESTAND -f json)\n',
    );
    expect(verify('nl.json', '--lang', 'en').stderr).toContain(
      'nl.json:11:3: the report says "passed": true, but 1 of its 2 questionnaires passes\n',
    );
  });
});

describe('a report that cannot be checked (exit 2)', () => {
  it('a custom questionnaire not given with -q; given, it holds', () => {
    copyFileSync(join(root, 'examples', 'supplier-check.yaml'), join(dir, 'supplier-check.yaml'));
    run(['init', 'supplier.yaml', '--subject', 'Acme B.V.', '-q', './supplier-check.yaml'], {
      cwd: dir,
    });
    write(join(dir, 'supplier.yaml'), fillTemplate(read(join(dir, 'supplier.yaml'))));
    const audited = run(
      ['audit', '-a', 'supplier.yaml', '-q', './supplier-check.yaml', '-o', 'supplier.json'],
      { cwd: dir },
    );
    expect(audited.code, audited.stderr).toBe(0);
    const unknown = verify('supplier.json');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      "error: cannot check supplier-check 0.1.0: its digest is not that of any questionnaire shipped with this trustcheck; give the questionnaire's file with -q FILE\n",
    );
    const given = verify(
      'supplier.json',
      '-q',
      './supplier-check.yaml',
      '--answers',
      'supplier.yaml',
    );
    expect(given.code, given.stderr).toBe(0);
    expect(given.stderr).toContain('supplier-check 0.1.0 (./supplier-check.yaml)');
  });

  it('a version of a built-in this trustcheck does not ship', () => {
    variant('future.json', (r) => {
      r.questionnaires[0]!.version = '9.0.0';
      r.questionnaires[0]!.digest = `sha256:${'1'.repeat(64)}`;
    });
    const result = verify('future.json');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^error: cannot check trustability 9\.0\.0: this trustcheck ships trustability \d+\.\d+\.\d+(, trustability \d+\.\d+\.\d+)*; use the trustcheck release that made the report, or give the questionnaire's file with -q FILE\n$/,
    );
  });

  it('several answer files for a report of one', () => {
    copyFileSync(join(dir, 'answers.yaml'), join(dir, 'other.yaml'));
    const result = verify('report.json', '--answers', 'answers.yaml', 'other.yaml');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'error: the report was made from one answer file, and 2 were given; give that one file with --answers (several files are the respondents of a team report, and this report has none)\n',
    );
  });

  it('an invalid answer file', () => {
    write(
      join(dir, 'bad-answers.yaml'),
      answers.replace(/^(subject: .*)$/m, '$1\ndate: 2026-02-30'),
    );
    const result = verify('report.json', '--answers', 'bad-answers.yaml');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^error: bad-answers\.yaml:\d+:7: the date 2026-02-30 does not exist/,
    );
  });

  it('a report that is missing, not JSON, or not a report', () => {
    expect(verify('missing.json').code).toBe(2);
    write(join(dir, 'broken.json'), '{ "format": ');
    const broken = verify('broken.json');
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^error: broken\.json:1:\d+: invalid JSON/);
    const notReport = verify('answers.yaml');
    expect(notReport.code).toBe(2);
    expect(notReport.stderr).toContain('this is an answer file, not a report');
  });
});
