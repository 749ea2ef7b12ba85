// The answers file of an interactive audit keeps what the user wrote: its syntax (JSON stays
// JSON), its comments, its key order, and the form of what did not change; it writes an answer
// with exactly the note, evidence and until the interview decided.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AnswersFile } from '../../src/interactive/answers-file.js';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'trustcheck-answers-file-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const open = (file: string) =>
  new AnswersFile(file, parseDocument(readFileSync(file, 'utf8'), { version: '1.2' }));

describe('AnswersFile', () => {
  it('a .json answers file stays JSON', () => {
    const file = join(dir, 'a.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'trustcheck-answers/1',
        subject: 'Acme',
        questionnaires: {
          trustability: { answers: { 'economic-interests': { 'warranty-expiry': null } } },
        },
      }),
    );
    open(file).set('trustability', 'economic-interests', 'warranty-expiry', {
      answer: 'no',
      note: 'Not yet.',
    });
    const saved = JSON.parse(readFileSync(file, 'utf8')) as {
      questionnaires: { trustability: { answers: Record<string, Record<string, unknown>> } };
    };
    expect(saved.questionnaires.trustability.answers['economic-interests']).toEqual({
      'warranty-expiry': { answer: 'no', note: 'Not yet.' },
    });
  });

  it('writes the note, evidence and until it is given, keeping the comments and the order', () => {
    const file = join(dir, 'a.yaml');
    writeFileSync(
      file,
      [
        'format: trustcheck-answers/1',
        'subject: Acme',
        'questionnaires:',
        '  trustability:',
        '    answers:',
        '      economic-interests:',
        '        # kept',
        '        warranty-expiry:',
        '          answer: ~',
        "          note: 'Pilot only.'",
        '          evidence: Memo 12',
        '          until: 2027-01-15',
        '        renewal-warning: yes # a comment on the answer',
        '',
      ].join('\n'),
    );
    const at = (statement: string) =>
      (parseDocument(readFileSync(file, 'utf8')).toJS() as Answers).questionnaires.trustability
        .answers['economic-interests']![statement];
    open(file).set('trustability', 'economic-interests', 'warranty-expiry', {
      answer: 'na',
      note: 'Pilot only.',
      evidence: 'Memo 12',
      until: '2027-01-15',
    });
    let text = readFileSync(file, 'utf8');
    expect(text).toContain('# kept');
    // what did not change keeps its form
    expect(text).toContain("note: 'Pilot only.'");
    expect(at('warranty-expiry')).toEqual({
      answer: 'na',
      note: 'Pilot only.',
      evidence: 'Memo 12',
      until: '2027-01-15',
    });
    // a field left out is removed, the rest keeps its place
    open(file).set('trustability', 'economic-interests', 'warranty-expiry', {
      answer: 'no',
      note: 'Ended.',
    });
    text = readFileSync(file, 'utf8');
    expect(text).toContain(
      '        warranty-expiry:\n          answer: no\n          note: Ended.\n',
    );
    expect(text).not.toContain('Memo 12');
    expect(text).not.toContain('until');
    // with nothing but the answer left, the short form
    open(file).set('trustability', 'economic-interests', 'warranty-expiry', { answer: 'yes' });
    text = readFileSync(file, 'utf8');
    expect(text).toContain('        # kept\n        warranty-expiry: yes\n');
    expect(at('warranty-expiry')).toBe('yes');
    open(file).set('trustability', 'economic-interests', 'renewal-warning', {
      answer: 'no',
      evidence: 'Ticket 7',
    });
    expect(at('renewal-warning')).toEqual({ answer: 'no', evidence: 'Ticket 7' });
  });

  it('writes a date in double quotes, which YAML 1.1 readers (ajv-cli) keep a string', () => {
    const file = join(dir, 'a.yaml');
    writeFileSync(
      file,
      [
        'format: trustcheck-answers/1',
        'subject: Acme',
        'questionnaires:',
        '  trustability:',
        '    answers:',
        '      economic-interests:',
        '        warranty-expiry: ~',
        '        unclaimed-entitlements:',
        '          answer: na',
        '          note: Soon.',
        '          until: 2027-01-15',
        '',
      ].join('\n'),
    );
    const given = { answer: 'na', note: 'No goods.', until: '2027-06-30' } as const;
    open(file).set('trustability', 'economic-interests', 'warranty-expiry', given);
    open(file).set('trustability', 'economic-interests', 'unclaimed-entitlements', {
      ...given,
      until: '2027-02-01',
    });
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('          until: "2027-06-30"\n');
    expect(text).toContain('          until: "2027-02-01"\n');
    const yaml11 = parseDocument(text, { version: '1.1' }).toJS() as Answers;
    const answers = yaml11.questionnaires.trustability.answers['economic-interests']!;
    expect(answers['warranty-expiry']).toEqual(given);
    expect(answers['unclaimed-entitlements']).toMatchObject({ until: '2027-02-01' });
  });

  it('a map that carries a comment keeps the map form', () => {
    const file = join(dir, 'a.yaml');
    writeFileSync(
      file,
      [
        'format: trustcheck-answers/1',
        'subject: Acme',
        'questionnaires:',
        '  trustability:',
        '    answers:',
        '      economic-interests:',
        '        warranty-expiry:',
        '          # asked Finance',
        '          answer: no',
        '          note: Not yet.',
        '',
      ].join('\n'),
    );
    open(file).set('trustability', 'economic-interests', 'warranty-expiry', { answer: 'yes' });
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('# asked Finance');
    expect(text).not.toContain('Not yet.');
    expect(parseDocument(text).toJS()).toMatchObject({
      questionnaires: {
        trustability: {
          answers: { 'economic-interests': { 'warranty-expiry': { answer: 'yes' } } },
        },
      },
    });
  });
});

type Answers = {
  questionnaires: { trustability: { answers: Record<string, Record<string, unknown>> } };
};

describe('the resume command printed after an interruption', () => {
  it('names the questionnaires again when one is a file, quoted for the shell', async () => {
    const { resumeCommand } = await import('../../src/interactive/interview.js');
    expect(resumeCommand('answers.yaml', undefined)).toBe('trustcheck audit --resume answers.yaml');
    expect(resumeCommand('answers.yaml', ['trustability'])).toBe(
      'trustcheck audit --resume answers.yaml',
    );
    expect(resumeCommand('my answers.yaml', ['trustability', './supplier check.yaml'])).toBe(
      "trustcheck audit --resume 'my answers.yaml' -q trustability -q './supplier check.yaml'",
    );
  });
});
