// The languages trustcheck speaks, and the one rule for choosing a text in one of them: every
// en/nl table of words (reports, prompts, templates) is picked through `pick`.

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
