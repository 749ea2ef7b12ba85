import { describe, expect, it } from 'vitest';
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
