// Answer-file errors, each with its exact message and position: a worse message is a failing test.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../src/app/run-audit.js';
import type { AnswerFile } from '../../src/core/model.js';
import type { LocatedIssue } from '../../src/core/issues.js';
import { loadFile } from '../../src/app/load.js';

const dir = join('tests', 'fixtures', 'answers');
const options = { language: 'en', today: '2026-11-23' };

function problems(file: string, allowIncomplete = false): LocatedIssue[] {
  const loaded = loadFile<AnswerFile>(file, 'answers');
  if (!loaded.ok) return loaded.issues;
  const audit = runAudit({ file, answers: loaded.value, ...options, allowIncomplete });
  return audit.ok ? [] : audit.issues;
}

const invalid: [string, string[]][] = [
  [
    'yes-capitalised.yaml',
    [
      '11:26: "ja" is not an answer; did you mean yes?',
      '12:26: "N/A" is not an answer; did you mean na?',
      '13:30: "NO" is not an answer; did you mean no?',
      '15:19: "Nee" is not an answer; did you mean no?',
      '16:28: "J" is not an answer; did you mean yes?',
      '17:30: "n.v.t." is not an answer; did you mean na?',
      '22:26: "Yes" is not an answer; did you mean yes?',
    ],
  ],
  [
    'misplaced-answer.yaml',
    [
      '18:9: "note:" sits where statement ids go, so it is not part of the answer to competitor-referral; write that answer as a map: `competitor-referral:` on its own line, then `answer: no` and `note: …` on the lines below it, two spaces further in',
    ],
  ],
  [
    'misplaced-answer-valid-values.yaml',
    [
      '17:9: "answer:" sits where statement ids go, so it is not part of the answer to competitor-referral; write that answer as a map: `competitor-referral:` on its own line, then `answer: no` on the line below it, two spaces further in',
    ],
  ],
  [
    'misplaced-note.yaml',
    [
      '17:9: "note:" sits where statement ids go, so it is not part of the answer to competitor-referral; write that answer as a map: `competitor-referral:` on its own line, then `answer: no` and `note: …` on the lines below it, two spaces further in',
    ],
  ],
  [
    'note-indented-under-answer.yaml',
    [
      '17:11: "note:" is indented under competitor-referral, which has its answer on its own line already; write that answer as a map: `competitor-referral:` on its own line, then `answer: no`, `note: …` and `evidence: …` on the lines below it, two spaces further in',
    ],
  ],
  [
    // as `init` writes it: a comment above every statement (the parser notices at the comment)
    'indented-statement.yaml',
    [
      '37:11: "no-sockpuppets:" starts at column 11, but the keys at its level start at column 9; indent it 2 spaces less, to column 9',
    ],
  ],
  [
    'dedented-statement.yaml',
    [
      '20:8: "no-sockpuppets:" starts at column 8, but the keys at its level start at column 9; indent it 1 space more, to column 9',
    ],
  ],
  [
    'near-misses.yaml',
    [
      '11:26: "ys" is not an answer; did you mean yes?',
      '12:26: "Noo" is not an answer; did you mean no?',
      '13:30: "jaa" is not an answer; did you mean yes?',
      '15:19: "nah" is not an answer; did you mean na?',
      '17:28: "neee" is not an answer; did you mean no?',
      '18:30: "yse" is not an answer; did you mean yes?',
      '20:26: "Tru" is not an answer; did you mean yes?',
      '21:31: "flase" is not an answer; did you mean no?',
      '22:25: "nvtt" is not an answer; did you mean na?',
      '23:26: "ne" is not an answer; did you mean no or na?',
      '25:30: "balanced-incentives" must be yes, no, na, true or false, nothing (~) or a map (key: value lines), found the text "maybe"',
    ],
  ],
  [
    'merge-key.yaml',
    [
      '24:11: "<<" is a merge key, which trustcheck does not read: its files are plain data; write the fields it would copy from *no-referral (answer) here instead',
    ],
  ],
  [
    'tab.yaml',
    ['12:1: a tab is used to indent; YAML indents with spaces only: replace the tab with spaces'],
  ],
  [
    'constructor-statement.yaml',
    [
      '11:9: a statement is not answered in section "economic-interests" of "trustability": renewal-warning; answer yes, no or na, or run with --allow-incomplete',
      '12:9: unknown statement "constructor" in section "economic-interests"; expected one of: warranty-expiry, renewal-warning, upgrade-eligibility, unclaimed-entitlements, overbuying-advice, competitor-referral',
    ],
  ],
  [
    'bad-date.yaml',
    [
      '3:7: "date" must be a date written as YYYY-MM-DD, such as 2026-11-23, found the text "23-11-2026"',
    ],
  ],
  [
    'bad-until.yaml',
    [
      '14:18: "until" must be a date written as YYYY-MM-DD, such as 2026-11-23, found the text "next year"',
    ],
  ],
  [
    'bad-value-number.yaml',
    [
      '21:26: "no-paid-reviews" must be yes, no, na, true or false, nothing (~) or a map (key: value lines), found the number 1',
    ],
  ],
  [
    'bad-value.yaml',
    [
      '21:26: "no-paid-reviews" must be yes, no, na, true or false, nothing (~) or a map (key: value lines), found the text "maybe"',
    ],
  ],
  [
    'bad-version.yaml',
    ['8:14: "version" must be a semantic version such as "1.0.0", found the text "1"'],
  ],
  [
    'bad-yaml.yaml',
    [
      '3:1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ],
  ],
  [
    'duplicate-statement.yaml',
    ['13:9: duplicate key "renewal-warning" (first given at line 12:9); keep one of them'],
  ],
  ['empty-subject.yaml', ['2:10: "subject" must not be empty']],
  [
    'missing-answers.yaml',
    [
      '27:9: a statement is not answered in section "product-competence" of "trustability": quality-parity; answer yes or no, or run with --allow-incomplete',
      '29:9: a statement is not answered in section "service-competence" of "trustability": analytics-examples; answer yes or no, or run with --allow-incomplete',
    ],
  ],
  [
    'missing-format.yaml',
    ['1:1: missing "format" (the file format and its version); add `format: …` here'],
  ],
  [
    'missing-subject.yaml',
    ['1:1: missing "subject" (the organisation audited); add `subject: …` here'],
  ],
  [
    'na-not-allowed.yaml',
    [
      '19:11: "na" is not allowed for "reviews-on-site": the questionnaire requires a yes or no here',
    ],
  ],
  [
    'na-without-note.yaml',
    [
      '11:26: "na" for "warranty-expiry" needs a note saying why it does not apply; write that answer as a map: `warranty-expiry:` on its own line, then `answer: na` and `note: …` on the lines below it, two spaces further in',
    ],
  ],
  [
    'other-major.yaml',
    [
      '8:14: these answers were given against trustability 2.0.0, but no version 2.x is shipped (shipped: 1.1.1, 1.1.0, 1.0.0); answer the questionnaire again with `trustcheck init -q trustability`, or use a trustcheck release that ships trustability@2.0.0',
    ],
  ],
  [
    'questionnaires-not-map.yaml',
    ['4:17: "questionnaires" must be a map (key: value lines), found a list'],
  ],
  ['unknown-field-in-answer.yaml', ['14:11: unknown field "notes"; did you mean "note"?']],
  [
    'unknown-questionnaire.yaml',
    ['7:3: unknown questionnaire "trustabilty"; did you mean "trustability"?'],
  ],
  [
    'unknown-section.yaml',
    [
      '17:7: unknown section "customer-review" in questionnaire "trustability"; did you mean "customer-reviews"?',
    ],
  ],
  [
    'unknown-statement.yaml',
    [
      '12:9: unknown statement "renwal-warning" in section "economic-interests"; did you mean "renewal-warning"?',
    ],
  ],
  ['unknown-top-level-field.yaml', ['3:1: unknown field "asessor"; did you mean "assessor"?']],
  [
    'until-without-na.yaml',
    ['14:11: "until" only goes with an "na" answer; remove it or answer na'],
  ],
  [
    'wrong-format.yaml',
    [
      '1:9: "format" must be "trustcheck-answers/1", found "trustcheck-report/1": this is a report, not an answer file',
    ],
  ],
];

describe('answer files', () => {
  it.each(readdirSync(join(dir, 'valid')))('%s is valid', (file) => {
    expect(problems(join(dir, 'valid', file))).toEqual([]);
  });

  it('has a pinned message for every invalid fixture', () => {
    expect(readdirSync(join(dir, 'invalid')).sort()).toEqual(invalid.map(([f]) => f).sort());
  });

  it.each(invalid)('%s', (file, expected) => {
    const path = join(dir, 'invalid', file);
    const issues = problems(path);
    for (const issue of issues) expect(issue.file).toBe(path);
    expect(
      issues.map((i) => `${i.line === undefined ? '' : `${i.line}:${i.col}: `}${i.message}`),
    ).toEqual(expected);
  });

  it('--allow-incomplete turns missing answers into unsatisfied statements', () => {
    expect(problems(join(dir, 'invalid', 'missing-answers.yaml'), true)).toEqual([]);
  });

  it('reads a date quoted or not: the report date and an until both count', () => {
    for (const [file, date] of [
      ['acme-1.0.0.yaml', '2026-11-23'],
      ['quoted-dates.yaml', '2026-10-01'],
    ] as const) {
      const path = join(dir, 'valid', file);
      const loaded = loadFile<AnswerFile>(path, 'answers');
      if (!loaded.ok) throw new Error(file);
      const audit = runAudit({ file: path, answers: loaded.value, ...options });
      if (!audit.ok) throw new Error(file);
      expect(audit.value.date).toBe(date);
      const untils = audit.value.questionnaires
        .flatMap((q) => q.sections.flatMap((s) => s.statements))
        .map((s) => s.until)
        .filter((u) => u !== null);
      expect(untils).toEqual(['2027-06-30']);
    }
  });

  it('falls back to the newest version of the same major that means the same, with a warning', () => {
    const file = join(dir, 'valid', 'all-yes.yaml');
    const loaded = loadFile<AnswerFile>(file, 'answers');
    if (!loaded.ok) throw new Error('fixture');
    loaded.value.value.questionnaires.trustability!.version = '1.0.7';
    const audit = runAudit({ file, answers: loaded.value, ...options });
    expect(audit.ok).toBe(true);
    expect(audit.warnings.map((w) => w.message)).toEqual([
      'trustability 1.0.7 is not shipped; using 1.1.1, which gives every statement the same meaning',
    ]);
  });

  it('falls back to transparantie-apk 1.0.0 for an unshipped 1.0.x: 1.1.0 re-meant statements', () => {
    const file = join(dir, 'valid', 'acme-1.0.0.yaml');
    const loaded = loadFile<AnswerFile>(file, 'answers');
    if (!loaded.ok) throw new Error('fixture');
    loaded.value.value.questionnaires['transparantie-apk']!.version = '1.0.1';
    const audit = runAudit({ file, answers: loaded.value, ...options });
    expect(audit.ok).toBe(true);
    if (!audit.ok) return;
    expect(audit.value.questionnaires.map((q) => [q.id, q.version])).toContainEqual([
      'transparantie-apk',
      '1.0.0',
    ]);
    expect(audit.warnings.map((w) => w.message)).toEqual([
      'transparantie-apk 1.0.1 is not shipped; using 1.0.0, which gives every statement the same meaning',
    ]);
    // warnings are errors under --strict: no fallback at all
    expect(runAudit({ file, answers: loaded.value, ...options, strict: true }).ok).toBe(false);
  });

  it('refuses a pin whose major has no shipped version, naming the versions', () => {
    const file = join(dir, 'valid', 'acme-1.0.0.yaml');
    const loaded = loadFile<AnswerFile>(file, 'answers');
    if (!loaded.ok) throw new Error('fixture');
    loaded.value.value.questionnaires['transparantie-apk']!.version = '3.1.0';
    const audit = runAudit({ file, answers: loaded.value, ...options });
    expect(audit.ok).toBe(false);
    if (audit.ok) return;
    expect(audit.issues.map((i) => i.message)).toEqual([
      'these answers were given against transparantie-apk 3.1.0, but no version 3.x is shipped (shipped: 2.0.0, 1.1.0, 1.0.0); answer the questionnaire again with `trustcheck init -q transparantie-apk`, or use a trustcheck release that ships transparantie-apk@3.1.0',
    ]);
  });
});
