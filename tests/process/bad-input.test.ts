// Bad input never crashes trustcheck and never loses data: every case exits 2 with one clear
// message naming the file (and line:col where it applies), no stack trace, and no file left behind.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures, list, run, tempDir } from '../support/helpers.js';

const validAnswers = readFileSync(join(fixtures, 'answers', 'valid', 'all-yes.yaml'), 'utf8');
const validQuestionnaire = readFileSync(
  join(fixtures, 'questionnaires', 'valid', 'minimal.yaml'),
  'utf8',
);

function aliasBomb(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) {
    const name = String.fromCharCode(97 + i);
    const prev = String.fromCharCode(96 + i);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  return `${lines.join('\n')}\n`;
}

interface Case {
  name: string;
  files?: Record<string, string | Buffer>;
  args: string[];
  stderr: RegExp;
}

const answersWith = (from: string, to: string) => validAnswers.replace(from, to);
const questionnaireWith = (from: string, to: string) => validQuestionnaire.replace(from, to);

const cases: Case[] = [
  // answer files
  {
    name: 'answers: missing file',
    args: ['audit', '-a', 'missing.yaml'],
    stderr: /missing\.yaml: no such answer file; check the path/,
  },
  {
    name: 'answers: a directory',
    files: { 'dir/.keep': '' },
    args: ['audit', '-a', 'dir', '-o', 'r.md'],
    stderr: /dir: the folder holds no answer files/,
  },
  {
    name: 'answers: empty file',
    files: { 'a.yaml': '' },
    args: ['audit', '-a', 'a.yaml'],
    stderr: /a\.yaml: the answer file is empty/,
  },
  {
    name: 'answers: only whitespace',
    files: { 'a.yaml': '  \n\n' },
    args: ['audit', '-a', 'a.yaml'],
    stderr: /a\.yaml: the answer file is empty/,
  },
  {
    name: 'answers: binary',
    files: { 'a.yaml': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]) },
    args: ['audit', '-a', 'a.yaml'],
    stderr: /a\.yaml: looks like a binary file, not an answer file/,
  },
  {
    name: 'answers: not UTF-8',
    files: { 'a.yaml': Buffer.from('subject: caf\xe9\n', 'latin1') },
    args: ['audit', '-a', 'a.yaml'],
    stderr: /a\.yaml:1:13: is not valid UTF-8 text \(byte 13\); save the answer file as UTF-8/,
  },
  {
    name: 'answers: over 5 MiB',
    files: { 'a.yaml': `# ${'x'.repeat(5 * 1024 * 1024 + 10)}\n` },
    args: ['audit', '-a', 'a.yaml'],
    stderr: /a\.yaml: the answer file is 5\.0 MiB; trustcheck reads files of at most 5 MiB/,
  },
  {
    name: 'answers: two YAML documents',
    files: { 'a.yaml': `${validAnswers}---\nsubject: x\n` },
    args: ['audit', '-a', 'a.yaml'],
    stderr: /a\.yaml:33:1: the file holds more than one YAML document/,
  },
  {
    name: 'answers: invalid YAML',
    files: { 'a.yaml': 'subject: [Acme\n' },
    args: ['audit', '-a', 'a.yaml'],
    stderr: /a\.yaml:2:1: invalid YAML/,
  },
  {
    name: 'answers: a list, not a map',
    files: { 'a.yaml': '- yes\n- no\n' },
    args: ['audit', '-a', 'a.yaml'],
    stderr: /a\.yaml:1:1: the file must be a map/,
  },
  {
    name: 'answers: a plain string',
    files: { 'a.yaml': 'hello\n' },
    args: ['audit', '-a', 'a.yaml'],
    stderr: /a\.yaml:1:1: the file must be a map \(key: value lines\), found the text "hello"/,
  },
  {
    name: 'answers: alias bomb',
    files: { 'a.yaml': aliasBomb() },
    args: ['audit', '-a', 'a.yaml'],
    stderr: /a\.yaml: too many aliases/,
  },
  {
    name: 'answers: duplicate key',
    files: { 'a.yaml': answersWith('subject: Acme B.V.', 'subject: Acme B.V.\nsubject: Other') },
    args: ['audit', '-a', 'a.yaml'],
    stderr: /a\.yaml:3:1: duplicate key "subject" \(first given at line 2:1\)/,
  },
  {
    name: 'answers: __proto__ key',
    files: {
      'a.yaml': answersWith(
        'subject: Acme B.V.',
        'subject: Acme B.V.\n__proto__: { polluted: true }',
      ),
    },
    args: ['audit', '-a', 'a.yaml'],
    stderr: /a\.yaml:3:1: the key "__proto__" is not allowed/,
  },
  {
    name: 'answers: constructor key (an unknown section, never Object)',
    files: {
      'a.yaml': answersWith(
        '      customer-reviews:',
        '      constructor:\n        x: yes\n      customer-reviews:',
      ),
    },
    args: ['audit', '-a', 'a.yaml'],
    stderr:
      /a\.yaml:17:7: unknown section "constructor" in questionnaire "trustability"; expected one of: economic-interests, /,
  },
  {
    name: 'answers: prototype key (an unknown field)',
    files: { 'a.yaml': answersWith('subject: Acme B.V.', 'subject: Acme B.V.\nprototype: 1') },
    args: ['audit', '-a', 'a.yaml'],
    stderr: /a\.yaml:3:1: unknown field "prototype"; allowed here: /,
  },
  {
    name: 'answers: !!js/function tag',
    files: {
      'a.yaml': answersWith('subject: Acme B.V.', "subject: !!js/function 'function () {}'"),
    },
    args: ['audit', '-a', 'a.yaml'],
    stderr: /a\.yaml:2:10: custom tag !!js\/function is not allowed/,
  },
  {
    name: 'answers: custom local tag',
    files: { 'a.yaml': answersWith('subject: Acme B.V.', 'subject: !evil Acme') },
    args: ['audit', '-a', 'a.yaml'],
    stderr: /a\.yaml:2:10: custom tag !evil is not allowed/,
  },
  {
    name: 'answers: deep flow nesting',
    files: { 'a.yaml': `subject: ${'['.repeat(5000)}${']'.repeat(5000)}\n` },
    args: ['audit', '-a', 'a.yaml'],
    stderr: /a\.yaml:1:110: the data is nested more than 100 levels deep/,
  },
  {
    name: 'answers: deep block nesting',
    files: {
      'a.yaml':
        Array.from({ length: 150 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' x\n',
    },
    args: ['audit', '-a', 'a.yaml'],
    stderr: /a\.yaml:\d+:\d+: the data is nested more than 100 levels deep/,
  },
  {
    name: 'answers: very long line',
    files: {
      'a.yaml': answersWith(
        'subject: Acme B.V.',
        `subject: Acme\nassessor: ${'x'.repeat(1_000_000)}\nlanguage: [`,
      ),
    },
    args: ['audit', '-a', 'a.yaml'],
    stderr: /a\.yaml:\d+:\d+: /,
  },
  {
    name: 'answers: unknown statement',
    files: { 'a.yaml': answersWith('renewal-warning: yes', 'renwal-warning: yes') },
    args: ['audit', '-a', 'a.yaml'],
    stderr:
      /a\.yaml:12:9: unknown statement "renwal-warning" in section "economic-interests"; did you mean "renewal-warning"\?/,
  },
  {
    name: 'answers: bad value',
    files: { 'a.yaml': answersWith('renewal-warning: yes', 'renewal-warning: maybe') },
    args: ['audit', '-a', 'a.yaml'],
    stderr: /a\.yaml:12:26: "renewal-warning" must be yes, no, na/,
  },
  {
    name: 'answers: wrong format line',
    files: { 'a.yaml': answersWith('trustcheck-answers/1', 'trustcheck-answers/9') },
    args: ['audit', '-a', 'a.yaml'],
    stderr: /a\.yaml:1:9: "format" must be "trustcheck-answers\/1"/,
  },
  {
    name: 'answers: a JSON file with a syntax error',
    files: { 'a.json': '{"format": "trustcheck-answers/1", "subject": }' },
    args: ['audit', '-a', 'a.json'],
    stderr: /^error: a\.json:1:47: invalid JSON: Unexpected token '}'\n$/,
  },
  {
    name: 'answers: a JSON report given as answers',
    files: { 'a.json': '{"format": "trustcheck-report/1"}' },
    args: ['audit', '-a', 'a.json'],
    stderr:
      /^error: a\.json:1:12: "format" must be "trustcheck-answers\/1", found "trustcheck-report\/1": this is a report, not an answer file\n$/,
  },
  {
    name: 'answers: questionnaire of another major',
    files: { 'a.yaml': answersWith('version: 1.0.0', 'version: 3.1.0') },
    args: ['audit', '-a', 'a.yaml'],
    stderr:
      /a\.yaml:8:14: these answers were given against trustability 3\.1\.0, but no version 3\.x is shipped/,
  },
  {
    name: 'answers: strict version fallback',
    files: { 'a.yaml': answersWith('version: 1.0.0', 'version: 1.0.9') },
    args: ['audit', '-a', 'a.yaml', '--strict', '-o', 'r.md'],
    stderr: /a\.yaml:8:14: trustability 1\.0\.9 is not shipped; using 1\.1\.1/,
  },
  {
    name: 'answers: a note beside its statement, not under it',
    files: {
      'a.yaml': answersWith(
        'competitor-referral: yes',
        'competitor-referral: no\n        note: We refer nobody.',
      ),
    },
    args: ['audit', '-a', 'a.yaml'],
    stderr:
      /^error: a\.yaml:17:9: "note:" sits where statement ids go, so it is not part of the answer to competitor-referral; write that answer as a map: `competitor-referral:` on its own line, then `answer: no` and `note: …` on the lines below it, two spaces further in\n$/,
  },
  {
    name: 'answers: a statement indented two spaces more, under a comment',
    files: {
      'a.yaml': answersWith(
        '        no-sockpuppets: yes',
        '        # None of your employees use sockpuppets.\n          no-sockpuppets: yes',
      ),
    },
    args: ['audit', '-a', 'a.yaml'],
    stderr:
      /^error: a\.yaml:21:11: "no-sockpuppets:" starts at column 11, but the keys at its level start at column 9; indent it 2 spaces less, to column 9\n$/,
  },
  {
    name: 'answers: a near miss of yes',
    files: { 'a.yaml': answersWith('renewal-warning: yes', 'renewal-warning: ys') },
    args: ['audit', '-a', 'a.yaml'],
    stderr: /^error: a\.yaml:12:26: "ys" is not an answer; did you mean yes\?\n$/,
  },
  {
    name: 'answers: a merge key',
    files: {
      'a.yaml': answersWith(
        'renewal-warning: yes',
        'renewal-warning: &yes\n          answer: yes',
      ).replace('upgrade-eligibility: yes', 'upgrade-eligibility:\n          <<: *yes'),
    },
    args: ['audit', '-a', 'a.yaml'],
    stderr:
      /^error: a\.yaml:15:11: "<<" is a merge key, which trustcheck does not read: its files are plain data; write the fields it would copy from \*yes \(answer\) here instead\n$/,
  },
  // questionnaires
  {
    name: 'questionnaire: missing file',
    args: ['questionnaires', 'validate', 'q.yaml'],
    stderr: /q\.yaml: no such questionnaire; check the path/,
  },
  {
    name: 'questionnaire: invalid YAML',
    files: {
      'q.yaml': questionnaireWith(
        'title: { en: Supplier check, nl: Leverancierscheck }',
        'title: { en: Supplier',
      ),
    },
    args: ['questionnaires', 'validate', 'q.yaml'],
    stderr: /q\.yaml:7:1: invalid YAML/,
  },
  {
    name: 'questionnaire: duplicate statement id',
    files: { 'q.yaml': questionnaireWith('id: no-auto-renewal', 'id: plain-terms') },
    args: ['questionnaires', 'validate', 'q.yaml'],
    stderr: /q\.yaml:14:13: statement id "plain-terms" is used twice/,
  },
  {
    name: 'questionnaire: missing translation',
    files: { 'q.yaml': questionnaireWith('nl: Leverancierscheck', 'de: Lieferantencheck') },
    args: ['questionnaires', 'validate', 'q.yaml'],
    stderr: /q\.yaml:6:8: the text has no "nl" translation/,
  },
  {
    name: 'questionnaire: bad -q path in an audit',
    files: {
      'a.yaml': validAnswers,
      'q.yaml': questionnaireWith('rule: all-must-be-true', 'rule: any'),
    },
    args: ['audit', '-a', 'a.yaml', '-q', './q.yaml'],
    stderr: /q\.yaml:5:7: "rule" must be "all-must-be-true"/,
  },
  {
    name: 'questionnaire: unknown built-in id',
    args: ['questionnaires', 'show', 'trustabilty'],
    stderr: /unknown questionnaire "trustabilty"; did you mean "trustability"\?/,
  },
  {
    name: 'questionnaire: unknown version',
    args: ['questionnaires', 'show', 'trustability@9.0.0'],
    stderr:
      /questionnaire trustability has no version 9\.0\.0; shipped versions: 1\.1\.1, 1\.1\.0, 1\.0\.0/,
  },
  {
    name: 'questionnaire: alias bomb',
    files: { 'q.yaml': aliasBomb() },
    args: ['questionnaires', 'validate', 'q.yaml'],
    stderr: /q\.yaml: too many aliases/,
  },
  // baselines
  {
    name: 'baseline: missing',
    files: { 'a.yaml': validAnswers },
    args: ['audit', '-a', 'a.yaml', '--baseline', 'b.json'],
    stderr: /b\.json: no such report; check the path/,
  },
  {
    name: 'baseline: truncated',
    files: {
      'a.yaml': validAnswers,
      'b.json': '{"format": "trustcheck-report/1", "tool": {"name"',
    },
    args: ['audit', '-a', 'a.yaml', '--baseline', 'b.json'],
    stderr: /^error: b\.json:1:50: invalid JSON: Expected ':' after property name\n$/,
  },
  {
    name: 'baseline: a report with a field missing',
    files: {
      'a.yaml': validAnswers,
      'b.json':
        '{"format": "trustcheck-report/1", "tool": {"name": "trustcheck", "version": "0.1.0"}}',
    },
    args: ['audit', '-a', 'a.yaml', '--baseline', 'b.json'],
    stderr: /b\.json:1:1: missing "subject"/,
  },
  {
    name: 'baseline: binary',
    files: { 'a.yaml': validAnswers, 'b.json': Buffer.from([0, 1, 2, 3]) },
    args: ['audit', '-a', 'a.yaml', '--baseline', 'b.json'],
    stderr: /b\.json: looks like a binary file, not a report/,
  },
  {
    name: 'diff: a baseline of another format',
    files: { 'b.json': '{"format": "trustcheck-answers/1", "subject": "x"}', 'c.json': '{}' },
    args: ['diff', 'b.json', 'c.json'],
    stderr:
      /b\.json:1:12: "format" must be "trustcheck-report\/1", found "trustcheck-answers\/1": this is an answer file, not a report/,
  },
  // the command line
  {
    name: 'cli: unknown command',
    args: ['audti'],
    stderr: /unknown command 'audti'\n\(Did you mean audit\?\)/,
  },
  {
    name: 'cli: unknown option',
    args: ['audit', '--answer', 'a.yaml'],
    stderr: /unknown option '--answer'\n\(Did you mean --answers\?\)/,
  },
  {
    name: 'cli: bad --format',
    args: ['audit', '-a', 'a.yaml', '-f', 'pdf'],
    stderr:
      /option '-f, --format <format\.\.\.>' argument 'pdf' is invalid\. Allowed choices are md, json, junit, html, github\./,
  },
  {
    name: 'cli: bad --fail-on',
    args: ['audit', '-a', 'a.yaml', '--fail-on', 'sometimes'],
    stderr: /argument 'sometimes' is invalid/,
  },
  {
    name: 'cli: missing argument',
    args: ['diff', 'b.json'],
    stderr: /missing required argument 'current'/,
  },
  {
    name: 'cli: bad schema name',
    args: ['schema', 'answer'],
    stderr:
      /value 'answer' is invalid for argument 'name'\. Allowed choices are questionnaire, answers, report, summary, config\./,
  },
  {
    name: 'cli: --interactive with two files',
    files: { 'a.yaml': validAnswers, 'b.yaml': validAnswers },
    args: ['audit', '-a', 'a.yaml', 'b.yaml', '--interactive'],
    stderr: /--interactive goes with exactly one answer file/,
  },
  {
    name: 'cli: several answer files without --out-dir',
    files: { 'a.yaml': validAnswers, 'b.yaml': validAnswers },
    args: ['audit', '-a', 'a.yaml', 'b.yaml'],
    stderr: /2 answer files need --out-dir DIR/,
  },
  {
    name: 'cli: invalid id for questionnaires new',
    args: ['questionnaires', 'new', 'Bad_Id'],
    stderr: /"Bad_Id" is not a valid questionnaire id/,
  },
  // outputs
  {
    name: 'output: folder does not exist',
    files: { 'a.yaml': validAnswers },
    args: ['audit', '-a', 'a.yaml', '-o', 'nowhere/r.md'],
    stderr: /nowhere\/r\.md: cannot write: the folder nowhere does not exist; create it first/,
  },
  {
    name: 'output: target is a directory',
    files: { 'a.yaml': validAnswers, 'r.md/.keep': '' },
    args: ['audit', '-a', 'a.yaml', '-o', 'r.md'],
    stderr: /r\.md: cannot write: it is a directory/,
  },
  {
    name: 'init: refuses to overwrite',
    files: { 'a.yaml': validAnswers },
    args: ['init', 'a.yaml'],
    stderr: /a\.yaml already exists; use --force to overwrite it/,
  },
];

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

describe('bad input', () => {
  it('has at least 40 named cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  it.each(cases.map((c, i) => [c.name, c, i] as const))('%s', (_name, c, i) => {
    const cwd = join(dir, `case-${i}`);
    mkdirSync(cwd);
    for (const [file, content] of Object.entries(c.files ?? {})) {
      mkdirSync(join(cwd, file, '..'), { recursive: true });
      writeFileSync(join(cwd, file), content);
    }
    const before = list(cwd);
    const snapshot = Object.fromEntries(before.map((f) => [f, safeRead(join(cwd, f))]));
    const result = run(c.args, { cwd });
    expect(result.stderr).toMatch(c.stderr);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
    expect(result.stderr).not.toContain('internal error');
    expect(result.stdout).toBe('');
    expect(list(cwd)).toEqual(before);
    for (const f of before) expect(safeRead(join(cwd, f))).toEqual(snapshot[f]);
  });

  it('shows the stack trace only with TRUSTCHECK_DEBUG=1', () => {
    const cwd = join(dir, 'debug');
    mkdirSync(cwd);
    const plain = run(['audit', '-a', 'missing.yaml'], { cwd });
    expect(plain.stderr).not.toMatch(/\n\s+at /);
    const debug = run(['audit', '-a', 'missing.yaml'], { cwd, env: { TRUSTCHECK_DEBUG: '1' } });
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  it('never touches Object.prototype, whatever the keys', async () => {
    const { parseDocument } = await import('../../src/io/document.js');
    for (const text of [
      '__proto__: {polluted: 1}',
      'a: {__proto__: {polluted: 1}}',
      '"__proto__": x',
      'constructor: {prototype: {polluted: 1}}',
    ]) {
      const result = parseDocument(text, 'x.yaml');
      // __proto__ is refused; constructor and prototype are plain keys, refused later as unknown
      expect(result.ok).toBe(!text.includes('__proto__'));
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    }
  });
});

function safeRead(file: string): string | null {
  try {
    return readFileSync(file, 'latin1');
  } catch {
    return null;
  }
}
