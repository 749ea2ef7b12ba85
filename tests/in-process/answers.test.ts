import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuestionnaireFile } from '../../src/app/load.js';
import { unwrap } from '../../src/errors.js';
import { normalizeAnswer } from '../../src/core/answers.js';

describe('normalizeAnswer', () => {
  it('reads every way of writing an answer', () => {
    expect(normalizeAnswer('yes')).toEqual({ answer: 'yes' });
    expect(normalizeAnswer(true)).toEqual({ answer: 'yes' });
    expect(normalizeAnswer(false)).toEqual({ answer: 'no' });
    expect(normalizeAnswer(null)).toEqual({ answer: null });
    expect(normalizeAnswer(undefined)).toEqual({ answer: null });
    expect(normalizeAnswer({ answer: 'na', note: 'n/a', until: '2027-01-01' })).toEqual({
      answer: 'na',
      note: 'n/a',
      until: '2027-01-01',
    });
    expect(normalizeAnswer({ answer: 'no', note: ' ', evidence: 'doc' })).toEqual({
      answer: 'no',
      evidence: 'doc',
    });
  });
});

describe('parseDocument', () => {
  it('accepts a BOM and CRLF line endings, with the right positions', async () => {
    const { parseDocument, locate } = await import('../../src/io/document.js');
    const result = parseDocument('\ufeffformat: x\r\nsubject: Acme\r\n', 'a.yaml');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.parsed.value).toEqual({ format: 'x', subject: 'Acme' });
    expect(locate(result.parsed, { path: ['subject'], message: 'm' })).toEqual({
      file: 'a.yaml',
      line: 2,
      col: 10,
      message: 'm',
    });
  });
});

describe('questionnaire digest', () => {
  it('is the sha256 of the file bytes, BOM and CRLF included', () => {
    const text = readFileSync(
      join(import.meta.dirname, '..', 'fixtures', 'questionnaires', 'valid', 'minimal.yaml'),
      'utf8',
    );
    const file = join(mkdtempSync(join(tmpdir(), 'trustcheck-digest-')), 'q.yaml');
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(text.replace(/\n/g, '\r\n')),
    ]);
    writeFileSync(file, bytes);
    const loaded = unwrap(loadQuestionnaireFile(file));
    expect(loaded.value.id).toBe('supplier-check');
    expect(loaded.digest).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
  });
});
