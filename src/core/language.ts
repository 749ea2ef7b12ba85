// The languages trustcheck speaks, the one rule for choosing a text in one of them (every en/nl
// table of words, for reports, prompts and templates, is picked through `pick`), and the words
// every part of trustcheck shares.

export const LANGUAGES = ['en', 'nl'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return value === 'en' || value === 'nl';
}

/** The entry of `table` for `language`; English for a language trustcheck does not speak. */
export function pick<T>(table: Readonly<Record<Language, T>>, language: string): T {
  return isLanguage(language) ? table[language] : table.en;
}

/** --lang aside: the answer file's language, else the locale's (LC_ALL, LANG), else English. */
export function defaultLanguage(
  env: Readonly<Record<string, string | undefined>>,
  fromFile: string | undefined,
): Language {
  if (isLanguage(fromFile)) return fromFile;
  const locale = env.LC_ALL || env.LANG || '';
  return locale.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

/**
 * The all-must-be-true rule in words: one sentence per language, stated the same way wherever
 * trustcheck states it (the interview, every report, `questionnaires show`, the template).
 */
export const RULE: Readonly<Record<Language, string>> = {
  en: 'The answer to a question is “yes” only when all of its statements are true.',
  nl: 'Het antwoord op een vraag is pas „ja” als alle uitspraken bij die vraag waar zijn.',
};
