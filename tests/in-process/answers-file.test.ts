// The answers file of an interactive audit keeps what the user wrote: its syntax (JSON stays
// JSON), its comments, and a note, evidence or until of a statement that is answered again.
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
    open(file).set('trustability', 'economic-interests', 'warranty-expiry', 'no', 'Not yet.');
    const saved = JSON.parse(readFileSync(file, 'utf8')) as {
      questionnaires: { trustability: { answers: Record<string, Record<string, unknown>> } };
    };
    expect(saved.questionnaires.trustability.answers['economic-interests']).toEqual({
      'warranty-expiry': { answer: 'no', note: 'Not yet.' },
    });
  });

  it('answering keeps the note, evidence and until already there, and the comments', () => {
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
        '          note: Pilot only.',
        '          evidence: Memo 12',
        '          until: 2027-01-15',
        '',
      ].join('\n'),
    );
    open(file).set('trustability', 'economic-interests', 'warranty-expiry', 'na');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('# kept');
    expect(parseDocument(text).toJS()).toMatchObject({
      questionnaires: {
        trustability: {
          answers: {
            'economic-interests': {
              'warranty-expiry': {
                answer: 'na',
                note: 'Pilot only.',
                evidence: 'Memo 12',
                until: '2027-01-15',
              },
            },
          },
        },
      },
    });
    open(file).set('trustability', 'economic-interests', 'warranty-expiry', 'no', 'Ended.');
    expect(readFileSync(file, 'utf8')).toContain('note: Ended.');
    expect(readFileSync(file, 'utf8')).toContain('evidence: Memo 12');
  });
});

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
