// Version 1.1.0 of the built-ins, read closely against the source articles: every `help` quotes
// its seed character for character, or says that it is our translation; natural Dutch in one
// register. 1.1.0 stays shipped byte for byte (questionnaires-2.0.test.ts checks its bytes).
import { describe, expect, it } from 'vitest';
import { skipEachWith } from '../support/skip.js';
import {
  inLang,
  load,
  quotations,
  seed,
  seedsMissing,
  statementsOf,
  textsIn,
  type Questionnaire,
} from '../support/questionnaire-text.js';

interface Reading {
  file: string;
  /** the seed its quotes come from, and the language of that seed */
  seed: string;
  quoted: string;
  /** the other language: our translation, which must say so */
  translated: string;
  marker: RegExp;
}

const readings: Reading[] = [
  {
    file: 'questionnaires/trustability/1.1.0.yaml',
    seed: '002_8d68d21933806b54.txt',
    quoted: 'en',
    translated: 'nl',
    marker: /\(vertaald uit het Engelse artikel\)/,
  },
  {
    file: 'questionnaires/transparantie-apk/1.1.0.yaml',
    seed: '001_7131558fdf836e72.txt',
    quoted: 'nl',
    translated: 'en',
    marker: /\(translated from the Dutch article\)/,
  },
];

describe('quotations()', () => {
  it('finds outermost quotes, keeps nested ones, and refuses unbalanced marks', () => {
    expect(quotations('„a ‘b’ c” en „d”')).toEqual(['a ‘b’ c', 'd']);
    expect(quotations('x “a “b” c” y')).toEqual(['a “b” c']);
    expect(quotations('no quotes')).toEqual([]);
    expect(() => quotations('“open')).toThrow(/unbalanced/);
  });
});

describe('questionnaires 1.1.0: help quotes the source', () => {
  skipEachWith(seedsMissing);
  for (const r of readings) {
    describe(r.file, () => {
      const q = load(r.file);
      const article = (): string => seed(r.seed);

      it('is version 1.1.0, all-must-be-true, in both languages', () => {
        expect(q.version).toBe('1.1.0');
        expect(q.rule).toBe('all-must-be-true');
        expect([...q.languages].sort()).toEqual(['en', 'nl']);
      });

      it.each(statementsOf(q))(
        '%s: help and remedy in both languages; the quotes are in the seed',
        (_, st) => {
          for (const lang of ['en', 'nl']) {
            expect(inLang(st.help, lang), `help.${lang}`).toEqual(expect.any(String));
            expect(inLang(st.remedy, lang), `remedy.${lang}`).toEqual(expect.any(String));
          }
          const quotedHelp = inLang(st.help, r.quoted)!;
          const quotes = quotations(quotedHelp);
          expect(quotes.length, quotedHelp).toBeGreaterThan(0);
          for (const quote of quotes) expect(article()).toContain(quote);
          expect(quotedHelp).not.toMatch(r.marker);
          const translatedHelp = inLang(st.help, r.translated)!;
          expect(translatedHelp).toMatch(r.marker);
          // a translation renders the same quotes, no more and no fewer
          expect(quotations(translatedHelp)).toHaveLength(quotes.length);
        },
      );

      it('Dutch: one register (je, never u) and one kind of quotation marks („…”)', () => {
        for (const text of textsIn(q, 'nl')) {
          expect(text).not.toMatch(/["“]/);
          expect(text).not.toMatch(/\b[Uu]w?\b/);
        }
      });
    });
  }

  it('trustability: the N/A option is explained as ours wherever it is allowed', () => {
    const q = load(readings[0]!.file);
    const na = statementsOf(q).filter(([, st]) => st.allowNotApplicable === true);
    expect(na.map(([id]) => id)).toEqual([
      'economic-interests.warranty-expiry',
      'economic-interests.renewal-warning',
      'economic-interests.unclaimed-entitlements',
    ]);
    for (const [, st] of na) {
      expect(inLang(st.help, 'en')).toMatch(/The article has no not-applicable answer/);
      expect(inLang(st.help, 'nl')).toMatch(/Het artikel kent geen n\.v\.t\./);
    }
    // the article knows no N/A: only those three help texts may mention it
    for (const [, st] of statementsOf(q).filter(([, s]) => s.allowNotApplicable !== true)) {
      expect(inLang(st.help, 'en')).not.toMatch(/applicable/);
    }
  });

  it('trustability: the calques of 1.0.0 are gone from the Dutch', () => {
    const dutch = textsIn(load(readings[0]!.file), 'nl').join('\n');
    for (const calque of [
      'in hun zaken met jou',
      'Laat je klanten',
      'korting',
      'uit jezelf',
      'doorslaggevend',
      'excuses',
      'dienstenovereenkomst',
    ]) {
      expect(dutch).not.toContain(calque);
    }
  });

  it('transparantie-apk: no invented statement, no drift, the uncovered points added', () => {
    const q = load(readings[1]!.file);
    const ids = statementsOf(q).map(([id]) => id);
    expect(ids).not.toContain('reputation-and-social-proof.trust-earned-first');
    expect(ids).toContain('reputation-and-social-proof.interest-over-turnover');
    expect(ids).toContain('no-profit-from-inattention.prices-clear-up-front');
    const byId = new Map(statementsOf(q));
    const mistakeProof = byId.get('proactive-warnings.mistake-proof-offering')!;
    expect(inLang(mistakeProof.text, 'nl')).not.toMatch(/kostba/);
    expect(inLang(mistakeProof.text, 'en')).not.toMatch(/costly/);
    const deliver = byId.get('promise-and-deliver.deliver-what-you-promise')!;
    expect(inLang(deliver.text, 'nl')).not.toMatch(/meet/);
    expect(inLang(deliver.text, 'en')).not.toMatch(/measure/);
    expect(q.sections.map((s) => s.id)).toEqual([
      'proactive-warnings',
      'no-profit-from-inattention',
      'admit-mistakes',
      'promise-and-deliver',
      'reputation-and-social-proof',
    ]);
  });

  it('transparantie-apk: the English never quotes the spam of the partial English rendering', () => {
    const spam = 'belgium phone data';
    expect(seed('000_f7b926eb01fa0e65.txt')).toContain(spam);
    for (const text of textsIn(load(readings[1]!.file), 'en')) expect(text).not.toContain(spam);
  });

  it('trustability: the English of every section and statement is that of 1.0.0', () => {
    const english = (q: Questionnaire): string[][] =>
      q.sections.map((s) => [
        inLang(s.title, 'en')!,
        ...s.statements.map((st) => `${st.id}: ${inLang(st.text, 'en')}`),
      ]);
    expect(english(load(readings[0]!.file))).toEqual(
      english(load('questionnaires/trustability/1.0.0.yaml')),
    );
  });
});
