// Wrapping terminal text at word boundaries with a hanging indent.
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
