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
