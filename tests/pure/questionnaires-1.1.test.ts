// Version 1.1.0 of the built-ins and the know-like-trust example, read closely against the
// source articles: every `help` quotes its seed character for character, or says that it is
// our translation; 1.0.0 stays byte for byte; natural Dutch in one register.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { shared, skipEachWith } from '../support/skip.js';

const root = join(import.meta.dirname, '..', '..');
const seeds = shared('seeds', 'the source articles that the help texts quote');
const seedTexts = new Map<string, string>();
/** A seed article's text, read once (in a test: a skipped suite's body still runs to collect it). */
const seed = (name: string): string => {
  let text = seedTexts.get(name);
  if (text === undefined) {
    text = readFileSync(join(seeds.path, name), 'utf8');
    seedTexts.set(name, text);
  }
  return text;
};

type Text = string | Record<string, string>;
interface Statement {
  id: string;
  text: Text;
  help?: Text;
  remedy?: Text;
  allowNotApplicable?: boolean;
}
interface Section {
  id: string;
  title: Text;
  help?: Text;
  statements: Statement[];
}
interface Questionnaire {
  id: string;
  version: string;
  languages: string[];
  rule: string;
  title: Text;
  description: Text;
  sections: Section[];
}

const load = (file: string): Questionnaire =>
  parse(readFileSync(join(root, file), 'utf8')) as Questionnaire;

/** A text in one language: a plain string serves every language. */
const inLang = (text: Text | undefined, lang: string): string | undefined =>
  typeof text === 'string' ? text : text?.[lang];

/**
 * The quotations in a text: each outermost „…” or “…”, with quotes nested inside it kept
 * (the trustability article itself has “sockpuppet” within its sentences).
 */
export function quotations(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '„' || c === '“') {
      if (depth === 0) start = i + 1;
      depth++;
    } else if (c === '”' && depth > 0) {
      depth--;
      if (depth === 0) out.push(text.slice(start, i));
    }
  }
  if (depth !== 0) throw new Error(`unbalanced quotation marks in: ${text}`);
  return out;
}

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

const statementsOf = (q: Questionnaire): [string, Statement][] =>
  q.sections.flatMap((s) =>
    s.statements.map((st): [string, Statement] => [`${s.id}.${st.id}`, st]),
  );

/** Every localized text of a questionnaire in one language. */
function textsIn(q: Questionnaire, lang: string): string[] {
  const texts: (Text | undefined)[] = [q.title, q.description];
  for (const s of q.sections) {
    texts.push(s.title, s.help);
    for (const st of s.statements) texts.push(st.text, st.help, st.remedy);
  }
  return texts.map((t) => inLang(t, lang)).filter((t): t is string => t !== undefined);
}

describe('quotations()', () => {
  it('finds outermost quotes, keeps nested ones, and refuses unbalanced marks', () => {
    expect(quotations('„a ‘b’ c” en „d”')).toEqual(['a ‘b’ c', 'd']);
    expect(quotations('x “a “b” c” y')).toEqual(['a “b” c']);
    expect(quotations('no quotes')).toEqual([]);
    expect(() => quotations('“open')).toThrow(/unbalanced/);
  });
});

// Only the tests that read a seed need ../shared; the rest read the questionnaires alone.
describe('questionnaires 1.1.0: help quotes the source', () => {
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
        '%s: help and remedy in both languages; the translation says so, with the same quotes',
        (_, st) => {
          for (const lang of ['en', 'nl']) {
            expect(inLang(st.help, lang), `help.${lang}`).toEqual(expect.any(String));
            expect(inLang(st.remedy, lang), `remedy.${lang}`).toEqual(expect.any(String));
          }
          const quotedHelp = inLang(st.help, r.quoted)!;
          const quotes = quotations(quotedHelp);
          expect(quotes.length, quotedHelp).toBeGreaterThan(0);
          expect(quotedHelp).not.toMatch(r.marker);
          const translatedHelp = inLang(st.help, r.translated)!;
          expect(translatedHelp).toMatch(r.marker);
          // a translation renders the same quotes, no more and no fewer
          expect(quotations(translatedHelp)).toHaveLength(quotes.length);
        },
      );

      describe('in the seed', () => {
        skipEachWith(seeds.missing);
        it.each(statementsOf(q))('%s: the quotes of its help are in the seed', (_, st) => {
          for (const quote of quotations(inLang(st.help, r.quoted)!)) {
            expect(article()).toContain(quote);
          }
        });
      });

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

  it('transparantie-apk: the English never quotes the spam of the partial English rendering', (ctx) => {
    if (seeds.missing) ctx.skip(seeds.missing);
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

describe('questionnaires 1.0.0 stay byte for byte', () => {
  it.each([
    [
      'questionnaires/trustability/1.0.0.yaml',
      '70bd8182f442bfe42e7bda7bc3304aa83b27acbddca08eaf749ff94cdee10900',
    ],
    [
      'questionnaires/transparantie-apk/1.0.0.yaml',
      '694f7ff6046aca5298bc85c1d094f8c9cba32921ddeab5ea4d80881ff0fdbee3',
    ],
  ])('%s', (file, digest) => {
    expect(
      createHash('sha256')
        .update(readFileSync(join(root, file)))
        .digest('hex'),
    ).toBe(digest);
  });
});

describe('examples/know-like-trust.yaml quotes seeds 003 and 004', () => {
  const q = load('examples/know-like-trust.yaml');
  const articles = (): string =>
    seed('003_e332988236f6b415.txt') + '\n' + seed('004_905724834fca6f31.txt');

  it('is the example questionnaire know-like-trust 0.1.0', () => {
    expect([q.id, q.version]).toEqual(['know-like-trust', '0.1.0']);
  });

  it.each(statementsOf(q))('%s: its help quotes', (_, st) => {
    const help = inLang(st.help, 'en')!;
    expect(quotations(help).length, help).toBeGreaterThan(0);
  });

  describe('in the seeds', () => {
    skipEachWith(seeds.missing);
    it.each(statementsOf(q))('%s: its help quotes a seed exactly', (_, st) => {
      for (const quote of quotations(inLang(st.help, 'en')!)) {
        expect(articles()).toContain(quote);
      }
    });

    it('section help quotes a seed exactly', () => {
      for (const s of q.sections) {
        for (const quote of quotations(inLang(s.help, 'en') ?? '')) {
          expect(articles()).toContain(quote);
        }
      }
    });
  });
});
