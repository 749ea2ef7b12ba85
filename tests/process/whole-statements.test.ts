// The statements that are not true, under an audit and in `regression:` lines, are printed
// whole: in a log (stderr not a terminal) each on one line, never cut short with "…". (On a
// terminal they are wrapped: tests/pty/interview-truth.test.ts.)
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fillTemplate, read, run, setAnswer, tempDir, write } from '../support/helpers.js';

const SENTIMENT = {
  en: 'You measure non-financial indicators of customer sentiment such as CSAT (customer satisfaction) or NPS (net promoter score), and incorporate those metrics into incentives and accountability.',
  nl: 'Je meet hoe klanten over je denken aan de hand van niet-financiële maatstaven, zoals CSAT (klanttevredenheid) of NPS (Net Promoter Score), en laat die cijfers meetellen in prikkels en verantwoordelijkheden.',
};
const QUESTION = {
  en: 'Are employee compensation, incentives, and accountabilities aligned with encouraging customers to trust your business?',
  nl: 'Zijn de beloning, de prikkels en de verantwoordelijkheden van je medewerkers erop gericht dat klanten je bedrijf gaan vertrouwen?',
};

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

/** An answers file of trustability in `language`, every statement yes but those given no. */
function answers(language: 'en' | 'nl', ...no: string[]): string {
  const file = join(dir, `answers-${language}-${no.length}.yaml`);
  run(['init', file, '-q', 'trustability@1.1.1', '--subject', 'Acme B.V.', '--lang', language]);
  let text = fillTemplate(read(file));
  for (const id of no) text = setAnswer(text, id, 'no');
  write(file, text);
  return file;
}

const lines = (text: string) => text.split('\n').map((l) => l.trim());

describe('a statement that is not true, in a log', () => {
  it.each(['en', 'nl'] as const)('is whole, on one line, under its question (%s)', (language) => {
    const result = run(['audit', '-a', answers(language, 'sentiment-metrics'), '-o', 'r.md'], {
      cwd: dir,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain('…');
    const printed = lines(result.stderr);
    expect(printed).toContain(`– ${SENTIMENT[language]}`);
    expect(printed.some((l) => l.endsWith(QUESTION[language]))).toBe(true);
  });

  it('is whole in the regression lines of `diff` and of `audit --baseline`', () => {
    run(['audit', '-a', answers('en'), '-o', 'baseline.json'], { cwd: dir });
    const now = answers('en', 'sentiment-metrics');
    const audit = run(['audit', '-a', now, '--baseline', 'baseline.json', '-o', 'now.json'], {
      cwd: dir,
    });
    const line = `regression: “${SENTIMENT.en}” was satisfied, now is not`;
    expect(lines(audit.stderr)).toContain(line);
    const diff = run(['diff', 'baseline.json', 'now.json'], { cwd: dir });
    expect(diff.code).toBe(1);
    expect(lines(diff.stderr)).toContain(line);
    expect(diff.stderr + audit.stderr).not.toContain('…');
  });
});
