// The plain-text rendering for a person at a terminal (`questionnaires show` on a TTY): wrapped to
// the width it is given, with hanging indents, and none of Markdown's escapes or entities.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Questionnaire } from '../../src/core/model.js';
import { MIN_WIDTH, renderQuestionnaireText, wrap } from '../../src/core/render/plain-text.js';
import {
  localizeQuestionnaire,
  renderQuestionnaireMarkdown,
} from '../../src/core/render/questionnaire.js';

const root = join(import.meta.dirname, '..', '..');
const builtin = (id: string) =>
  parse(readFileSync(join(root, 'questionnaires', id, '1.1.0.yaml'), 'utf8')) as Questionnaire;

describe('wrap', () => {
  it('breaks between words, never past the width, with a hanging indent', () => {
    const lines = wrap('one two three four five six seven eight nine ten', 24, '1. ', '   ');
    expect(lines).toEqual(['1. one two three four', '   five six seven eight', '   nine ten']);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(24);
  });

  it('makes line breaks and runs of spaces one space, and shows control characters', () => {
    expect(wrap('a\n  b\tc', 40)).toEqual(['a b c']);
    expect(wrap('title \u001b[2J clear', 40)).toEqual(['title \\u{1b}[2J clear']);
  });

  it('cuts only a word longer than a line, and never goes below the minimum width', () => {
    const url = `https://example.org/${'x'.repeat(60)}`;
    const lines = wrap(`see ${url} now`, 30, '', '  ');
    expect(lines[0]).toBe('see');
    expect(lines.join('').replace(/ /g, '')).toBe(`see${url}now`);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(30);
    for (const line of wrap('a b c d e f g h i j k l m n o p', 5)) {
      expect(line.length).toBeLessThanOrEqual(MIN_WIDTH);
    }
    expect(wrap('', 40)).toEqual(['']);
  });
});

describe('a questionnaire as plain text', () => {
  const trustability = localizeQuestionnaire(builtin('trustability'), 'en');

  it.each([40, 80, 100])('fits %i columns, with no Markdown escapes or entities', (width) => {
    const text = renderQuestionnaireText(trustability, width);
    for (const line of text.split('\n')) expect([...line].length).toBeLessThanOrEqual(width);
    expect(text).toContain('Don Peppers & Martha Rogers');
    expect(text).not.toMatch(/&amp;|&lt;|&gt;|\\[()[\]*_#.!-]|\*\*|`/);
    // the Markdown of the same questionnaire has markup: the test looks at the right text
    expect(renderQuestionnaireMarkdown(trustability)).toContain('\n`economic-interests`');
  });

  it('holds every question, statement, help and remedy of the Markdown, in words', () => {
    const text = renderQuestionnaireText(trustability, 80).replace(/\s+/g, ' ');
    expect(text).toMatch(/^Trustability test \(trustability@1\.1\.0\) =+ /);
    expect(text).toContain(
      'The answer to a question is “yes” only when all of its statements are true.',
    );
    trustability.sections.forEach((section, i) => {
      expect(text).toContain(`${i + 1}. ${section.title} [${section.id}]`);
      for (const st of section.statements) {
        expect(text).toContain(`- ${st.text}`);
        expect(text).toContain(`[${st.id}]`);
        if (st.help !== null) expect(text).toContain(st.help.replace(/\s+/g, ' ').trim());
        if (st.remedy !== null) expect(text).toContain(`Remedy: ${st.remedy.trim()}`);
      }
    });
  });

  it('speaks Dutch with a Dutch questionnaire', () => {
    const apk = localizeQuestionnaire(builtin('transparantie-apk'), 'nl');
    const text = renderQuestionnaireText(apk, 80);
    expect(text.replace(/\s+/g, ' ')).toContain(
      'Het antwoord op een vraag is pas „ja” als alle uitspraken bij die vraag waar zijn.',
    );
    expect(text).toContain('Oplossing: ');
    expect(text).toContain('(mag met n.v.t. beantwoord worden)');
  });
});
