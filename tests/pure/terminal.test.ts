import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupDigits, safeForTerminal, safeLine, shorten } from '../../src/core/text/terminal.js';

const DANGEROUS =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('safeForTerminal', () => {
  it('shows escape sequences as text', () => {
    expect(safeLine('\u001b]0;PWNED-TITLE\u0007')).toBe('\\u{1b}]0;PWNED-TITLE\\u{7}');
    expect(safeLine('a\u001b[2Jb')).toBe('a\\u{1b}[2Jb');
    expect(safeLine('\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\')).toBe(
      '\\u{1b}]8;;https://evil.example\\u{1b}\\click\\u{1b}]8;;\\u{1b}\\',
    );
    expect(safeLine('x\u009b31my')).toBe('x\\u{9b}31my');
  });

  it('shows bidi controls', () => {
    expect(safeLine('abc\u202Edef\u2066\u200F\u061C')).toBe(
      'abc\\u{202e}def\\u{2066}\\u{200f}\\u{61c}',
    );
  });

  it('keeps line breaks only when asked', () => {
    expect(safeLine('a\nb\tc\r')).toBe('a\\nb\\tc\\r');
    expect(safeForTerminal('a\nb\tc\r', { multiline: true })).toBe('a\nb\tc\\r');
  });

  it('leaves printable text alone, Unicode included', () => {
    expect(safeLine('Acme B.V. — “trust” 信頼 🙂')).toBe('Acme B.V. — “trust” 信頼 🙂');
  });

  it('lets no ESC, C1 CSI or bidi override through (property)', () => {
    const hostile = fc.constantFrom(
      '\u001b',
      '\u009b',
      '\u202e',
      '\u2066',
      '\u0007',
      '\u0000',
      '\r',
      '\n',
      '\u001b[2J',
      '\u001b]0;title\u0007',
    );
    const text = fc
      .array(fc.oneof(fc.string({ unit: 'binary' }), hostile), { maxLength: 20 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.boolean(), (t, multiline) => {
        const out = safeForTerminal(t, { multiline });
        expect(out).not.toMatch(DANGEROUS);
        if (!multiline) expect(out).not.toMatch(/[\n\t]/);
      }),
      { numRuns: 2000 },
    );
  });

  it('returns printable text unchanged (property)', () => {
    const printable = fc
      .string({ unit: 'binary' })
      .map((t) => t.replace(new RegExp(DANGEROUS.source, 'g'), '').replace(/[\n\t]/g, ''))
      // what would start a CI runner's command is shown too (tested below)
      .filter((t) => !/^\s*::|##\[/.test(t));
    fc.assert(
      fc.property(printable, (t) => {
        expect(safeLine(t)).toBe(t);
      }),
      { numRuns: 1000 },
    );
  });

  it('shows the start of a GitHub Actions command, at a line start or (old style) anywhere', () => {
    expect(safeLine('::error::forged')).toBe('\\u{3a}:error::forged');
    expect(safeLine(' \u00a0::add-mask::x')).toBe(' \u00a0\\u{3a}:add-mask::x');
    expect(safeLine('a ##[error]b')).toBe('a #\\u{23}[error]b');
    expect(safeForTerminal('ok\n  ::warning::x\nfine: a::b', { multiline: true })).toBe(
      'ok\n  \\u{3a}:warning::x\nfine: a::b',
    );
  });

  it('is linear over blank lines and spaces too', () => {
    const big = ' \n'.repeat(500_000) + ' '.repeat(500_000);
    const start = performance.now();
    expect(safeForTerminal(big, { multiline: true })).toBe(big);
    expect(performance.now() - start).toBeLessThan(5000);
  });

  it('is linear: a megabyte of escapes in well under a second', () => {
    const big = '\u001b[2J\u202e'.repeat(250_000);
    const start = performance.now();
    const out = safeLine(big);
    expect(performance.now() - start).toBeLessThan(5000);
    expect(out).not.toMatch(DANGEROUS);
  });
});

describe('shorten', () => {
  it('keeps short text', () => {
    expect(shorten('renewal-warning')).toBe('renewal-warning');
    expect(shorten('x'.repeat(80))).toBe('x'.repeat(80));
  });

  it('cuts long text once and says how long it was', () => {
    const key = `overbuying-advice${'x'.repeat(1_048_576 - 17)}`;
    expect(shorten(key, 14)).toBe('overbuying-adv…(1,048,576 characters)');
    expect(shorten(key)).toHaveLength(80 + '…(1,048,576 characters)'.length);
  });

  it('never splits a surrogate pair', () => {
    expect(shorten(`${'a'.repeat(79)}🙂🙂`)).toBe(`${'a'.repeat(79)}…(83 characters)`);
  });

  it('groups digits the same in every locale', () => {
    expect(groupDigits(0)).toBe('0');
    expect(groupDigits(999)).toBe('999');
    expect(groupDigits(19_980)).toBe('19,980');
    expect(groupDigits(1_048_576)).toBe('1,048,576');
  });
});

describe('TrustcheckError', () => {
  it('keeps its message and summary safe to print', async () => {
    const { TrustcheckError } = await import('../../src/errors.js');
    const error = new TrustcheckError('a\u001b[2J.yaml: is a directory\nsecond line', {
      summary: 'x\u202e.yaml: warnings are errors',
    });
    expect(error.message).toBe('a\\u{1b}[2J.yaml: is a directory\nsecond line');
    expect(error.summary).toBe('x\\u{202e}.yaml: warnings are errors');
  });
});
