// Wrapping terminal text at word boundaries with a hanging indent, measured in a terminal's
// columns: CJK characters and emoji take two, and no character or emoji sequence is cut.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayWidth, shortenWords, terminalWidth, wrap } from '../../src/core/text/wrap.js';

describe('wrap', () => {
  it('breaks at spaces and indents the lines that go on under the text', () => {
    expect(wrap('✗ Je geeft geen beloningen, cashback of andere prikkels', 30)).toEqual([
      '✗ Je geeft geen beloningen,',
      '  cashback of andere prikkels',
    ]);
    expect(wrap('12. one two three four five six', 16)).toEqual([
      '12. one two',
      '    three four',
      '    five six',
    ]);
    expect(wrap('a b c d e f g', 12, { indent: '  ', hang: '    ' })).toEqual([
      '  a b c d e',
      '    f g',
    ]);
    // on a narrow terminal the hanging indent gives way to the words
    expect(wrap('a b c d e f', 5, { hang: '    ' })).toEqual(['a b c', ' d e', ' f']);
  });

  it('keeps the spaces that line up columns, and the leading ones', () => {
    expect(wrap('✓ ja   6/6  Bescherm je proactief', 80)).toEqual([
      '✓ ja   6/6  Bescherm je proactief',
    ]);
    expect(wrap('    – text', 80)).toEqual(['    – text']);
  });

  it('splits only a word longer than the line', () => {
    expect(wrap('ab verantwoordelijkheden cd', 10)).toEqual([
      'ab',
      'verantwoor',
      'delijkheden'.slice(0, 10),
      'n cd',
    ]);
  });

  it('does not count colour codes', () => {
    const red = (s: string) => `\u001b[31m${s}\u001b[39m`;
    expect(wrap(`${red('✗ nee')} one two`, 12)).toEqual([`${red('✗ nee')} one`, '  two']);
    expect(displayWidth(red('abc'))).toBe(3);
  });

  it('never makes a line wider than the width, nor splits a word that fits (property)', () => {
    const word = fc.string({
      unit: fc.constantFrom('a', 'b', 'é', '’', '„'),
      minLength: 1,
      maxLength: 14,
    });
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 16, max: 120 }),
        (words, width) => {
          const lines = wrap(`• ${words.join(' ')}`, width);
          for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(width);
          const out = lines
            .map((l) => l.trim())
            .join(' ')
            .split(' ');
          expect(out).toEqual(['•', ...words]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('works on a very narrow terminal', () => {
    const lines = wrap('1. Verdien je een goede naam bij wie over je praat?', 12);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(12);
    expect(lines.join(' ').replace(/ +/g, ' ')).toBe(
      '1. Verdien je een goede naam bij wie over je praat?',
    );
  });
});

/** The user-perceived characters of a text (an emoji sequence is one). */
const graphemes = (text: string): string[] =>
  [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)].map((s) => s.segment);

describe('wide characters and emoji', () => {
  it('measures a terminal’s columns', () => {
    expect(displayWidth('Acme')).toBe(4);
    expect(displayWidth('株式会社')).toBe(8);
    expect(displayWidth('カタカナ')).toBe(8);
    expect(displayWidth('한국어')).toBe(6);
    expect(displayWidth('ＡＢ')).toBe(4);
    expect(displayWidth('👍')).toBe(2);
    expect(displayWidth('👍🏽')).toBe(2);
    expect(displayWidth('👨‍👩‍👧')).toBe(2);
    expect(displayWidth('🇳🇱')).toBe(2);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth(`\u001b[31m株式\u001b[39m`)).toBe(4);
  });

  it('wraps a long CJK subject to the width, filling each line, cutting no character', () => {
    const subject = '株式会社ベーカリー・ファン・デル・ベルグ'.repeat(5);
    const lines = wrap(`${subject}: failed, 7 of 10 questions pass`, 30);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(30);
    // a line of CJK is full, or one column short where the next character does not fit
    for (const l of lines.slice(0, -2)) expect(displayWidth(l)).toBeGreaterThanOrEqual(29);
    expect(lines.join('').replace(/ /g, '')).toBe(
      `${subject}: failed, 7 of 10 questions pass`.replace(/ /g, ''),
    );
  });

  it('never splits an emoji sequence, and counts it two columns', () => {
    expect(wrap('✗ 👨‍👩‍👧 family 🇳🇱 Bakker 👍🏽 ok', 12)).toEqual([
      '✗ 👨‍👩‍👧 family',
      '  🇳🇱 Bakker',
      '  👍🏽 ok',
    ]);
    const families = '👨‍👩‍👧'.repeat(10);
    const lines = wrap(families, 7);
    expect(lines).toEqual(['👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧', '👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧', '👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧', '👨‍👩‍👧']);
  });

  it('puts a wide character that does not fit on the next line, whole', () => {
    expect(wrap('ab 漢字漢字漢字漢字', 9)).toEqual(['ab', '漢字漢字', '漢字漢字']);
    // narrower than one character: each goes whole on a line of its own
    expect(wrap('漢字', 1)).toEqual(['漢', '字']);
  });

  it('never makes a line wider than the width, and loses nothing (property)', () => {
    const unit = fc.constantFrom(
      'a',
      'é',
      'e\u0301',
      '漢',
      'カ',
      '한',
      'Ａ',
      '👍',
      '👍🏽',
      '👨‍👩‍👧',
      '🇳🇱',
    );
    const word = fc.array(unit, { minLength: 1, maxLength: 20 }).map((u) => u.join(''));
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 6, max: 100 }),
        (words, width) => {
          const text = `• ${words.join(' ')}`;
          const lines = wrap(text, width);
          for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(width);
          // the same characters in the same order, none cut in two
          expect(lines.flatMap((l) => graphemes(l.replace(/ /g, '')))).toEqual(
            graphemes(text.replace(/ /g, '')),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('shortens by columns, at a word boundary', () => {
    expect(shortenWords('株式会社 ベーカリー 漢字漢字漢字漢字漢字', 22)).toBe(
      '株式会社 ベーカリー…',
    );
    // a word boundary in the first half is too early: cut at the width
    expect(shortenWords('株式会社 ベーカリー 漢字漢字漢字漢字漢字', 16)).toBe('株式会社 ベーカ…');
    expect(shortenWords('漢字'.repeat(20), 11)).toBe('漢字漢字漢…');
    expect(shortenWords('👨‍👩‍👧'.repeat(10), 8)).toBe('👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧…');
  });
});

describe('terminalWidth and shortenWords', () => {
  it('defaults to 80 columns', () => {
    expect(terminalWidth(undefined)).toBe(80);
    expect(terminalWidth(0)).toBe(80);
    expect(terminalWidth(57)).toBe(57);
  });

  it('cuts at a word boundary', () => {
    expect(shortenWords('Zijn de beloning, prikkels en verantwoordelijkheden', 30)).toBe(
      'Zijn de beloning, prikkels en…',
    );
    expect(shortenWords('short', 30)).toBe('short');
  });
});
