// The newest built-ins, transparantie-apk 2.0.0 and trustability 1.1.1, read against the source
// articles: every help quote in the article's language is in the article character for
// character; every quote we translated says so with one exact label and is our own translation;
// the wording problems found in 1.1.0 are gone; shipped versions stay byte for byte. And the
// know-like-trust example, whose quotes keep their articles' typos, marked [sic].
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { skipEachWith } from '../support/skip.js';
import {
  inLang,
  load,
  quotations,
  root,
  seed,
  seedsMissing,
  statementsOf,
  textsIn,
  type Questionnaire,
} from '../support/questionnaire-text.js';

const APK = 'questionnaires/transparantie-apk/2.0.0.yaml';
const TRUSTABILITY = 'questionnaires/trustability/1.1.1.yaml';
const PARTIAL_ENGLISH = '000_f7b926eb01fa0e65.txt';

const OUR_ENGLISH = '(our translation from the Dutch article)';
const OUR_DUTCH = '(onze vertaling uit het Engelse artikel)';

describe('shipped versions stay byte for byte', () => {
  it.each([
    [
      'questionnaires/trustability/1.0.0.yaml',
      '70bd8182f442bfe42e7bda7bc3304aa83b27acbddca08eaf749ff94cdee10900',
    ],
    [
      'questionnaires/trustability/1.1.0.yaml',
      'de5be128b4563eb7404285f4a3bbd6b7a6b80a2199cd901bb092b6ad6c122a70',
    ],
    [
      'questionnaires/transparantie-apk/1.0.0.yaml',
      '694f7ff6046aca5298bc85c1d094f8c9cba32921ddeab5ea4d80881ff0fdbee3',
    ],
    [
      'questionnaires/transparantie-apk/1.1.0.yaml',
      '4679619fe8ab92717f09550d3c987dbeb9968cefc2422e83721b8b9578dbf816',
    ],
  ])('%s', (file, digest) => {
    expect(
      createHash('sha256')
        .update(readFileSync(join(root, file)))
        .digest('hex'),
    ).toBe(digest);
  });
});

interface Reading {
  file: string;
  version: string;
  /** the seed its quotes come from, and the language of that seed */
  seed: string;
  quoted: 'en' | 'nl';
  /** the other language: our translation, which must say so */
  translated: 'en' | 'nl';
  label: string;
}

const readings: Reading[] = [
  {
    file: TRUSTABILITY,
    version: '1.1.1',
    seed: '002_8d68d21933806b54.txt',
    quoted: 'en',
    translated: 'nl',
    label: OUR_DUTCH,
  },
  {
    file: APK,
    version: '2.0.0',
    seed: '001_7131558fdf836e72.txt',
    quoted: 'nl',
    translated: 'en',
    label: OUR_ENGLISH,
  },
];

const count = (text: string, part: string): number => text.split(part).length - 1;

describe('the newest versions: help quotes the source', () => {
  skipEachWith(seedsMissing);
  for (const r of readings) {
    describe(r.file, () => {
      const q = load(r.file);
      const article = (): string => seed(r.seed);

      it(`is version ${r.version}, all-must-be-true, in both languages`, () => {
        expect(q.version).toBe(r.version);
        expect(q.rule).toBe('all-must-be-true');
        expect([...q.languages].sort()).toEqual(['en', 'nl']);
      });

      it.each(statementsOf(q))(
        '%s: help and remedy in both languages; the quotes are in the seed, the translations labelled',
        (_, st) => {
          for (const lang of ['en', 'nl']) {
            expect(inLang(st.help, lang), `help.${lang}`).toEqual(expect.any(String));
            expect(inLang(st.remedy, lang), `remedy.${lang}`).toEqual(expect.any(String));
          }
          const quotedHelp = inLang(st.help, r.quoted)!;
          const quotes = quotations(quotedHelp);
          expect(quotes.length, quotedHelp).toBeGreaterThan(0);
          for (const quote of quotes) expect(article()).toContain(quote);
          expect(quotedHelp).not.toContain(r.label);
          // the label once, right after the quotes it is about
          const translatedHelp = inLang(st.help, r.translated)!;
          expect(count(translatedHelp, r.label), translatedHelp).toBe(1);
          expect(translatedHelp).toContain(`” ${r.label}`);
          expect(quotations(translatedHelp)).toHaveLength(quotes.length);
        },
      );

      it('labels no translation the old way', () => {
        const all = [...textsIn(q, 'en'), ...textsIn(q, 'nl')].join('\n');
        expect(all).not.toContain('(translated from the Dutch article)');
        expect(all).not.toContain('(vertaald uit het Engelse artikel)');
      });

      it('Dutch: one register (je, never u) and one kind of quotation marks („…”)', () => {
        for (const text of textsIn(q, 'nl')) {
          expect(text).not.toMatch(/["“]/);
          expect(text).not.toMatch(/\b[Uu]w?\b/);
        }
      });

      it('the answer `na` is always written so and explained, never a bare "na"', () => {
        const explained = { en: '`na` (not applicable)', nl: '`na` (niet van toepassing)' };
        for (const lang of ['en', 'nl'] as const) {
          for (const text of textsIn(q, lang)) {
            expect(count(text, '`na`')).toBe(count(text, explained[lang]));
            // "na (n.v.t.)", "accepteert na", "accepts na": the answer without its quotes
            expect(text).not.toMatch(/\bna \(|\b(accepts?|accepteert|antwoord|answer) na\b/);
          }
        }
      });

      it('the phrasings a native speaker would change are gone from the Dutch', () => {
        const dutch = textsIn(q, 'nl').join('\n');
        for (const phrase of [
          /Respecteert de ander/, // a calque of "respect your interest"
          /opgevraagd/, // "looked up", not an unclaimed rebate
          /Je meet\b[^.]*graadmeters/,
          /verontschuldigingen/, // the article says "zeg gewoon sorry"
          /Je levert wat je klanten/, // first read as "your customers"
          /Verdien je een goede naam/, // also reads "deserve"
          /geen geld aan klanten omdat/,
          /zulke situaties/,
          /misschien geen bedrog/,
        ]) {
          expect(dutch).not.toMatch(phrase);
        }
      });
    });
  }
});

/** Words, lower case, with punctuation dropped: how much of one text another repeats. */
const words = (text: string): string[] =>
  text
    .toLowerCase()
    .replace(/’/g, "'")
    .match(/[a-z0-9'-]+/g) ?? [];

/** The longest run of words `quote` shares with `source`. */
function longestSharedRun(quote: string, source: string[]): number {
  const w = words(quote);
  let best = 0;
  for (let i = 0; i < w.length; i++) {
    for (let j = 0; j < source.length; j++) {
      let k = 0;
      while (i + k < w.length && j + k < source.length && w[i + k] === source[j + k]) k++;
      best = Math.max(best, k);
    }
  }
  return best;
}

describe('transparantie-apk: the English help is ours', () => {
  skipEachWith(seedsMissing);
  // another English rendering of the Dutch article exists (seed 000); a quote of ours shares no
  // more than a short idiom with it (the article's "Beloof wat je levert en lever wat je
  // belooft" has one plain translation, nine words long)
  const rendering = (): string[] => words(seed(PARTIAL_ENGLISH));
  const englishQuotes = (q: Questionnaire): string[] =>
    statementsOf(q).flatMap(([, st]) => quotations(inLang(st.help, 'en')!));
  const copied = (q: Questionnaire): string[] =>
    englishQuotes(q).filter((quote) => longestSharedRun(quote, rendering()) >= 10);

  it('2.0.0: no quote is the other rendering of the article', () => {
    expect(englishQuotes(load(APK))).toHaveLength(
      statementsOf(load(APK)).flatMap(([, st]) => quotations(inLang(st.help, 'nl')!)).length,
    );
    expect(copied(load(APK))).toEqual([]);
  });

  it('1.1.0 had it under our label (so this check finds what it looks for)', () => {
    expect(
      copied(load('questionnaires/transparantie-apk/1.1.0.yaml')).length,
    ).toBeGreaterThanOrEqual(10);
  });

  it('never quotes the spam in that rendering', () => {
    const spam = 'belgium phone data';
    expect(seed(PARTIAL_ENGLISH)).toContain(spam);
    for (const text of textsIn(load(APK), 'en')) expect(text).not.toContain(spam);
  });
});

describe('transparantie-apk 2.0.0: meanings with ids of their own', () => {
  const q = load(APK);
  const byId = new Map(statementsOf(q));

  it('has the statements of the record: new ids for the re-meant, one removed, one moved', () => {
    expect(
      Object.fromEntries(q.sections.map((s) => [s.id, s.statements.map((st) => st.id)])),
    ).toEqual({
      'proactive-warnings': [
        'usage-limit-warning',
        'duplicate-order-warning',
        'cheaper-option-advice',
        'warranty-expiry-check',
        'customers-cannot-make-mistakes',
      ],
      'no-profit-from-inattention': [
        'no-late-cancellation-profit',
        'no-profit-from-unawareness',
        'no-small-print-profit',
        'interest-over-turnover',
        'policy-fixed-before-found',
      ],
      'admit-mistakes': ['honest-about-mistakes', 'say-sorry', 'no-denial'],
      'promise-and-deliver': ['promise-what-you-deliver', 'promises-kept', 'a-little-extra'],
      'reputation-and-social-proof': ['monitor-what-others-say', 'act-on-customer-experiences'],
    });
  });

  it('section 2 and its statements are positive: a Dutch "ja" means one thing', () => {
    const section = q.sections.find((s) => s.id === 'no-profit-from-inattention')!;
    expect(inLang(section.title, 'nl')).toBe(
      'Verdien je je geld met wat je levert, en niet aan klanten die te laat zijn, iets niet weten of de kleine lettertjes niet hebben gelezen?',
    );
    for (const id of ['no-late-cancellation-profit', 'no-profit-from-unawareness']) {
      const text = inLang(byId.get(`no-profit-from-inattention.${id}`)!.text, 'nl')!;
      expect(text).toMatch(/^Je verdient je geld met wat je levert, niet aan /);
      expect(text).not.toMatch(/omdat|niets/);
    }
  });

  it('policy-fixed-before-found names the situations it is about', () => {
    const st = byId.get('no-profit-from-inattention.policy-fixed-before-found')!;
    expect(inLang(st.text, 'nl')).toMatch(/te laat zijn, iets niet weten of de kleine lettertjes/);
    expect(inLang(st.text, 'en')).toMatch(/late, unaware, or have not read the small print/);
    expect(inLang(st.text, 'en')).not.toMatch(/such situations/);
  });

  it('says what the article says: "zeg gewoon sorry", "je je klanten", "een goede naam op"', () => {
    expect(inLang(byId.get('admit-mistakes.say-sorry')!.text, 'nl')).toBe(
      'Als je een fout maakt, zeg je gewoon sorry tegen de klant.',
    );
    expect(inLang(byId.get('promise-and-deliver.promises-kept')!.text, 'nl')).toBe(
      'Je levert wat je je klanten hebt beloofd.',
    );
    const reputation = q.sections.find((s) => s.id === 'reputation-and-social-proof')!;
    expect(inLang(reputation.title, 'nl')).toBe(
      'Bouw je een goede naam op bij wie over je praat, en niet alleen met je marketing?',
    );
  });

  it('its English help says "incurring costs" and "the picture customers end up with"', () => {
    const english = textsIn(q, 'en').join('\n');
    expect(english).toContain('incurring costs');
    expect(english).toContain('the picture customers end up with');
    expect(english).not.toMatch(/making costs|final image/);
  });
});

describe('trustability 1.1.1: wording only', () => {
  const q = load(TRUSTABILITY);
  const byId = new Map(statementsOf(q));
  const structure = (x: Questionnaire) =>
    x.sections.map((s) => [
      s.id,
      inLang(s.title, 'en'),
      s.statements.map((st) => [st.id, inLang(st.text, 'en'), st.allowNotApplicable ?? false]),
    ]);

  it('keeps the ids, the article’s English and the N/A rules of 1.0.0 and 1.1.0', () => {
    expect(structure(q)).toEqual(structure(load('questionnaires/trustability/1.1.0.yaml')));
    expect(structure(q)).toEqual(structure(load('questionnaires/trustability/1.0.0.yaml')));
  });

  it('explains the answer `na` as ours wherever it is allowed, and nowhere else', () => {
    const na = statementsOf(q).filter(([, st]) => st.allowNotApplicable === true);
    expect(na.map(([id]) => id)).toEqual([
      'economic-interests.warranty-expiry',
      'economic-interests.renewal-warning',
      'economic-interests.unclaimed-entitlements',
    ]);
    for (const [, st] of na) {
      expect(inLang(st.help, 'en')).toMatch(
        /The article has no ‘not applicable’ answer: it asks this of every business\. Here you may answer `na` \(not applicable\) only if /,
      );
      expect(inLang(st.help, 'nl')).toMatch(
        /Het artikel kent geen antwoord ‘niet van toepassing’: elk bedrijf krijgt deze vraag\. Hier mag je alleen `na` \(niet van toepassing\) antwoorden als /,
      );
    }
    for (const [, st] of statementsOf(q).filter(([, s]) => s.allowNotApplicable !== true)) {
      expect(inLang(st.help, 'en')).not.toMatch(/applicable|`na`/);
      expect(inLang(st.help, 'nl')).not.toMatch(/toepassing|`na`/);
    }
  });

  it('no-sockpuppets: fake reviews are against the law, and the remedy says so', () => {
    const remedy = byId.get('customer-reviews.no-sockpuppets')!.remedy!;
    expect(inLang(remedy, 'en')).not.toMatch(/legal sense|not be cheating/);
    expect(inLang(remedy, 'en')).toMatch(/Annex I, point 23c/);
    expect(inLang(remedy, 'en')).toMatch(/6:193g/);
    expect(inLang(remedy, 'nl')).not.toMatch(/[Jj]uridisch|geen bedrog/);
    expect(inLang(remedy, 'nl')).toMatch(/6:193g BW/);
  });

  it('renewal-warning: the remedy does not say the article speaks of renewals', () => {
    const remedy = byId.get('economic-interests.renewal-warning')!.remedy!;
    expect(inLang(remedy, 'en')).not.toMatch(/article/);
    expect(inLang(remedy, 'nl')).not.toMatch(/artikel/);
  });

  it('examples from the Transparantie APK article are credited to it', () => {
    const credit = {
      en: '“Vertrouwen als competitive edge”',
      nl: '„Vertrouwen als competitive edge”',
    };
    const examples =
      /construction company|bouwbedrijf|insurer|verzekeraar|no-claim|Amazon|pay(ing)? too much|te veel betaalt|mistake denied|ontkende fout/;
    let credited = 0;
    for (const [id, st] of statementsOf(q)) {
      for (const lang of ['en', 'nl'] as const) {
        const remedy = inLang(st.remedy, lang)!;
        // balanced-incentives speaks of warning a customer in general, not of the article
        if (examples.test(remedy) && id !== 'aligned-incentives.balanced-incentives') {
          expect(remedy, `${id} (${lang})`).toContain(credit[lang]);
          credited++;
        }
      }
    }
    expect(credited).toBe(10); // five remedies, in both languages
    expect(q.source).toContain('Vertrouwen als competitive edge');
  });
});

describe('examples/know-like-trust.yaml quotes seeds 003 and 004', () => {
  skipEachWith(seedsMissing);
  const q = load('examples/know-like-trust.yaml');
  const articles = (): string =>
    seed('003_e332988236f6b415.txt') + '\n' + seed('004_905724834fca6f31.txt');
  // the articles' typos that its quotes keep, each marked [sic]
  const typos = [' lays', ' ,', ' assigne', ' resposable', ' tfor', ' fir', ' i', ' looses'];
  const helps = (): string[] =>
    [
      ...q.sections.map((s) => inLang(s.help, 'en')),
      ...statementsOf(q).map(([, st]) => inLang(st.help, 'en')),
    ].filter((h): h is string => h !== undefined);

  it('is the example questionnaire know-like-trust 0.1.1, and says it is an example', () => {
    expect([q.id, q.version]).toEqual(['know-like-trust', '0.1.1']);
    expect(inLang(q.title, 'en')).toMatch(/example/);
    expect(inLang(q.description, 'en')).toMatch(/^An example of a custom questionnaire/);
  });

  it.each(statementsOf(q))('%s: its help quotes a seed exactly, [sic] aside', (_, st) => {
    const help = inLang(st.help, 'en')!;
    const quotes = quotations(help);
    expect(quotes.length, help).toBeGreaterThan(0);
    for (const quote of quotes) expect(articles()).toContain(quote.replaceAll(' [sic]', ''));
  });

  it('section help quotes a seed exactly, [sic] aside', () => {
    for (const s of q.sections) {
      for (const quote of quotations(inLang(s.help, 'en') ?? '')) {
        expect(articles()).toContain(quote.replaceAll(' [sic]', ''));
      }
    }
  });

  it('marks every typo it keeps with [sic], and nothing else', () => {
    const all = helps().join('\n');
    const marks = [...all.matchAll(/(\s\S+) \[sic\]/g)].map((m) => m[1]!);
    expect([...new Set(marks)].sort()).toEqual([...typos].sort());
    for (const typo of typos) {
      expect(all.split(`${typo} `).length - 1, typo).toBe(all.split(`${typo} [sic]`).length - 1);
    }
  });
});
